import type { PartitionStats } from '../../../core/partition/types';
import { classColor } from './palette';
import { barEdges, cellAlpha, type PartitionLayout, type PartitionScale, type PartitionView } from './partitionLayout';
import type { ThemeColorName } from './theme';

/** Paints the whole partition view; ctx is already scaled to CSS pixels. One fillRect per cell, grouped by class. */
export function drawPartition(
  ctx: CanvasRenderingContext2D,
  layout: PartitionLayout,
  stats: PartitionStats,
  view: PartitionView,
  scale: PartitionScale,
  colors: Record<ThemeColorName, string>,
  selected: number | null,
): void {
  const { counts, sizes } = stats;
  const { headerHeight: top, rowHeight: rh, gridLeft, cellWidth: cw, numClients, numClasses } = layout;
  ctx.clearRect(0, 0, layout.width, layout.height);
  ctx.globalAlpha = 1;
  ctx.font = '10px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  const maxSize = Math.max(0, ...sizes);
  const gap = rh >= 4 ? 1 : 0;

  if (view === 'heatmap') {
    let maxCount = 0;
    for (const row of counts) for (const c of row) if (c > maxCount) maxCount = c;
    for (let k = 0; k < numClasses; k++) {
      const x0 = Math.round(gridLeft + k * cw);
      const x1 = Math.round(gridLeft + (k + 1) * cw);
      ctx.fillStyle = classColor(k);
      for (let i = 0; i < numClients; i++) {
        const a = cellAlpha(counts[i][k], sizes[i], maxCount, scale);
        if (a === 0) continue;
        ctx.globalAlpha = a;
        ctx.fillRect(x0, top + i * rh, x1 - x0, rh);
      }
      ctx.globalAlpha = 1;
      ctx.fillRect(x0, top - 3, x1 - x0 - 1, 2);
      ctx.fillStyle = colors.muted;
      ctx.textAlign = 'center';
      if (cw >= 9) ctx.fillText(String(k), (x0 + x1) / 2, top / 2 - 1);
    }
    ctx.strokeStyle = colors.border;
    ctx.lineWidth = 1;
    ctx.strokeRect(gridLeft + 0.5, top + 0.5, Math.round(numClasses * cw) - 1, numClients * rh);
    ctx.fillStyle = colors.muted;
    ctx.textAlign = 'left';
    ctx.fillText('size', layout.sizeLeft, top / 2 - 1);
    ctx.globalAlpha = 0.7;
    for (let i = 0; i < numClients; i++) {
      const w = maxSize > 0 ? (layout.sizeWidth * sizes[i]) / maxSize : 0;
      ctx.fillRect(layout.sizeLeft, top + i * rh, w, rh - gap);
    }
    ctx.globalAlpha = 1;
  } else {
    for (let i = 0; i < numClients; i++) {
      const edges = barEdges(counts[i], sizes[i], maxSize, layout.barWidth, scale);
      let prev = 0;
      for (let k = 0; k < numClasses; k++) {
        if (edges[k] > prev) {
          ctx.fillStyle = classColor(k);
          ctx.fillRect(gridLeft + prev, top + i * rh, edges[k] - prev, rh - gap);
        }
        prev = edges[k];
      }
    }
    ctx.fillStyle = colors.muted;
    ctx.textAlign = 'left';
    ctx.fillText(scale === 'fraction' ? 'share of each client’s data per class' : 'examples per class', gridLeft, top / 2 - 1);
  }

  ctx.fillStyle = colors.muted;
  ctx.textAlign = 'right';
  const hasSelection = selected !== null && selected >= 0 && selected < numClients;
  for (let i = 0; i < numClients; i += layout.labelEvery) {
    // Leave room for the selected client's own label.
    if (hasSelection && Math.abs(i - selected) < layout.labelEvery) continue;
    ctx.fillText(String(i), gridLeft - 4, top + i * rh + rh / 2);
  }
  if (hasSelection) {
    ctx.strokeStyle = colors.fg;
    ctx.lineWidth = 1.5;
    ctx.strokeRect(1, top + selected * rh - 1, layout.width - 2, rh + 2);
    ctx.fillStyle = colors.fg;
    ctx.font = 'bold 10px system-ui, sans-serif';
    ctx.fillText(String(selected), gridLeft - 4, top + selected * rh + rh / 2);
  }
}
