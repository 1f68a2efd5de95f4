/**
 * Geometry of the partition canvas, shared by drawing and hit-testing. Pure: CSS pixels in, CSS pixels out.
 *
 *   [client id labels][ cells: one column per class ][gap][ size bars ]   ← heatmap view
 *   [client id labels][ one stacked bar per client, spanning cells + gap + size ]   ← bars view
 */

export type PartitionView = 'heatmap' | 'bars';
/** Heatmap shade / bar length: share of the client's own data, or absolute example count. */
export type PartitionScale = 'fraction' | 'count';

export interface PartitionLayout {
  width: number;
  height: number;
  numClients: number;
  numClasses: number;
  headerHeight: number;
  labelWidth: number;
  rowHeight: number;
  /** Draw a client-id label on every `labelEvery`-th row so labels never overlap. */
  labelEvery: number;
  gridLeft: number;
  cellWidth: number;
  sizeLeft: number;
  sizeWidth: number;
  /** Width available to a stacked bar (bars view). */
  barWidth: number;
}

const HEADER = 16;
const GAP = 8;
const MAX_ROW = 18;
const LABEL_PITCH = 11;

export function partitionLayout(width: number, numClients: number, numClasses: number, maxBodyHeight = 400): PartitionLayout {
  if (numClients < 1 || numClasses < 1) throw new Error(`partitionLayout: need ≥1 client and class, got ${numClients}×${numClasses}`);
  const labelWidth = Math.ceil(String(numClients - 1).length * 6.5 + 10);
  const rowHeight = Math.max(1, Math.min(MAX_ROW, Math.floor(maxBodyHeight / numClients)));
  const inner = Math.max(0, width - labelWidth);
  const sizeWidth = Math.max(48, Math.round(inner * 0.22));
  const cellWidth = Math.max(1, (inner - GAP - sizeWidth) / numClasses);
  const gridLeft = labelWidth;
  return {
    width,
    height: HEADER + numClients * rowHeight + 1,
    numClients,
    numClasses,
    headerHeight: HEADER,
    labelWidth,
    rowHeight,
    labelEvery: Math.ceil(LABEL_PITCH / rowHeight),
    gridLeft,
    cellWidth,
    sizeLeft: gridLeft + numClasses * cellWidth + GAP,
    sizeWidth,
    barWidth: Math.max(1, width - gridLeft),
  };
}

const MIN_ALPHA = 0.08;

/** Opacity of a heatmap cell: linear in the value, with a floor so a non-zero count never looks empty. */
export function cellAlpha(count: number, clientSize: number, maxCount: number, scale: PartitionScale): number {
  if (count <= 0) return 0;
  const denom = scale === 'fraction' ? clientSize : maxCount;
  const v = denom > 0 ? Math.min(1, count / denom) : 0;
  return MIN_ALPHA + (1 - MIN_ALPHA) * v;
}

/**
 * Right edges (CSS px from the bar's start) of each class segment in one client's stacked bar. In 'fraction' scale
 * the bar fills `barWidth`; in 'count' scale its length is proportional to the client's size over the largest one.
 */
export function barEdges(row: readonly number[], clientSize: number, maxSize: number, barWidth: number, scale: PartitionScale): number[] {
  const length = scale === 'fraction' ? barWidth : maxSize > 0 ? (barWidth * clientSize) / maxSize : 0;
  const edges: number[] = [];
  let acc = 0;
  for (const c of row) {
    acc += c;
    edges.push(clientSize > 0 ? (length * acc) / clientSize : 0);
  }
  return edges;
}

export interface PartitionHit {
  client: number;
  /** The class under the pointer, or null over the row label / size bar. */
  cls: number | null;
}

export function hitTest(
  layout: PartitionLayout,
  counts: readonly (readonly number[])[],
  sizes: readonly number[],
  view: PartitionView,
  scale: PartitionScale,
  x: number,
  y: number,
): PartitionHit | null {
  const client = Math.floor((y - layout.headerHeight) / layout.rowHeight);
  if (client < 0 || client >= layout.numClients || x < 0 || x >= layout.width) return null;
  const gx = x - layout.gridLeft;
  if (gx < 0) return { client, cls: null };
  if (view === 'heatmap') {
    const cls = Math.floor(gx / layout.cellWidth);
    return { client, cls: cls < layout.numClasses ? cls : null };
  }
  const maxSize = Math.max(0, ...sizes);
  const edges = barEdges(counts[client], sizes[client], maxSize, layout.barWidth, scale);
  const cls = edges.findIndex((e, k) => gx < e && counts[client][k] > 0);
  return { client, cls: cls >= 0 ? cls : null };
}

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Outline for the hovered item: the cell in the heatmap, the whole row otherwise; at least 3 px tall. */
export function hoverRect(layout: PartitionLayout, hit: PartitionHit, view: PartitionView): Rect {
  const height = Math.max(3, layout.rowHeight);
  const top = layout.headerHeight + hit.client * layout.rowHeight + (layout.rowHeight - height) / 2;
  if (view === 'heatmap' && hit.cls !== null) {
    const left = Math.round(layout.gridLeft + hit.cls * layout.cellWidth);
    return { left, top, width: Math.round(layout.gridLeft + (hit.cls + 1) * layout.cellWidth) - left, height };
  }
  return { left: 0, top, width: layout.width, height };
}
