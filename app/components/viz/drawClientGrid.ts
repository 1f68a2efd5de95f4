/**
 * The client grid as one canvas for large federations: 500 buttons cost a layout and style pass per round and a long
 * mount when the client count changes (issue 14: 211 ms dragging Clients to 500); 500 cells on a canvas are a few
 * hundred fillRects. Layout, hit-testing and drawing here; ClientGrid.tsx chooses DOM cells or this.
 */
import type { ClientState } from './clientStates';
import type { ThemeColorName } from './theme';

/** Above this many clients the grid is drawn on a canvas (below it, one focusable button per client). */
export const CANVAS_GRID_FROM = 100;

export interface CellGridLayout {
  columns: number;
  rows: number;
  size: number;
  gap: number;
  width: number;
  height: number;
}

/** Rows of `size`-px cells `gap` apart filling `width` (at least one column), as the DOM grid's flex-wrap lays them. */
export function cellGridLayout(width: number, count: number, size: number, gap: number): CellGridLayout {
  const columns = Math.max(1, Math.floor((width + gap) / (size + gap)));
  const rows = Math.max(1, Math.ceil(count / columns));
  return { columns, rows, size, gap, width: columns * (size + gap) - gap, height: rows * (size + gap) - gap };
}

/** The cell index under (x, y) in CSS px from the grid's top-left, or null in a gap or past the last cell. */
export function cellAt(layout: CellGridLayout, count: number, x: number, y: number): number | null {
  const pitch = layout.size + layout.gap;
  const col = Math.floor(x / pitch);
  const row = Math.floor(y / pitch);
  if (x < 0 || y < 0 || col >= layout.columns || x - col * pitch >= layout.size || y - row * pitch >= layout.size) return null;
  const id = row * layout.columns + col;
  return id < count ? id : null;
}

export interface GridCell {
  state: ClientState;
  /** Latest local accuracy in [0, 1], or undefined. */
  accuracy: number | undefined;
  malicious: boolean;
}

export interface GridColors extends Record<ThemeColorName, string> {
  done: string;
  malicious: string;
}

/**
 * Draws every cell with the DOM grid's encodings: idle outline, sampled thick outline, training half fill, done full
 * fill, dropped dashed and crossed out; the accuracy bar along the foot, the attacker's red corner, a ring on the
 * selected cell and a dashed ring on the keyboard cursor.
 */
export function drawClientGrid(
  ctx: CanvasRenderingContext2D,
  layout: CellGridLayout,
  cell: (id: number) => GridCell,
  count: number,
  colors: GridColors,
  selected: number | null,
  cursor: number | null,
): void {
  const { size, gap, columns } = layout;
  // The rings of the selected cell and the cursor reach 2 px past the cells: the caller leaves that margin.
  ctx.clearRect(-2, -2, layout.width + 4, layout.height + 4);
  for (let id = 0; id < count; id++) {
    const x = (id % columns) * (size + gap);
    const y = Math.floor(id / columns) * (size + gap);
    const { state, accuracy, malicious } = cell(id);
    ctx.setLineDash(state === 'dropped' ? [2, 2] : []);
    const line = state === 'sampled' || state === 'training' ? 2 : 1;
    ctx.lineWidth = line;
    switch (state) {
      case 'idle':
        ctx.strokeStyle = colors.border;
        break;
      case 'sampled':
        ctx.strokeStyle = colors.accent;
        break;
      case 'training':
        ctx.fillStyle = colors.accent;
        ctx.fillRect(x, y + size / 2, size, size / 2);
        ctx.strokeStyle = colors.accent;
        break;
      case 'done':
        ctx.fillStyle = colors.done;
        ctx.fillRect(x, y, size, size);
        ctx.strokeStyle = colors.done;
        break;
      case 'dropped':
        ctx.strokeStyle = colors.muted;
        ctx.beginPath();
        ctx.moveTo(x + 1, y + size - 1);
        ctx.lineTo(x + size - 1, y + 1);
        ctx.stroke();
        break;
    }
    ctx.strokeRect(x + line / 2, y + line / 2, size - line, size - line);
    if (accuracy !== undefined) {
      ctx.globalAlpha = 0.55;
      ctx.fillStyle = colors.fg;
      ctx.fillRect(x, y + size - 3, Math.round(accuracy * size), 3);
      ctx.globalAlpha = 1;
    }
    if (malicious) {
      ctx.fillStyle = colors.malicious;
      ctx.beginPath();
      ctx.moveTo(x + size - 6, y);
      ctx.lineTo(x + size, y);
      ctx.lineTo(x + size, y + 6);
      ctx.fill();
    }
  }
  ctx.setLineDash([]);
  for (const [id, dash] of [
    [selected, []],
    [cursor, [2, 2]],
  ] as const) {
    if (id === null || id < 0 || id >= count) continue;
    ctx.setLineDash(dash);
    ctx.lineWidth = 2;
    ctx.strokeStyle = colors.fg;
    ctx.strokeRect((id % columns) * (size + gap) - 1, Math.floor(id / columns) * (size + gap) - 1, size + 2, size + 2);
  }
  ctx.setLineDash([]);
}
