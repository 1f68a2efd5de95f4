import type { PlotFrame, ScatterSeries } from './scatterGeometry';
import type { ThemeColorName } from './theme';

/** Paints axes, grid and the series (one path per series); ctx is already scaled to CSS pixels. */
export function drawScatter(
  ctx: CanvasRenderingContext2D,
  width: number,
  height: number,
  frame: PlotFrame,
  series: readonly ScatterSeries[],
  formatX: (v: number) => string,
  formatY: (v: number) => string,
  colors: Record<ThemeColorName, string>,
): void {
  ctx.clearRect(0, 0, width, height);
  ctx.globalAlpha = 1;
  ctx.font = '11px system-ui, sans-serif';
  ctx.lineWidth = 1;
  ctx.strokeStyle = colors.border;
  ctx.fillStyle = colors.muted;
  ctx.setLineDash([3, 3]);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const t of frame.yTicks.ticks) {
    const y = Math.round(frame.y(t)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(frame.left, y);
    ctx.lineTo(frame.right, y);
    ctx.stroke();
    ctx.fillText(formatY(t), frame.left - 6, y);
  }
  ctx.setLineDash([]);
  ctx.beginPath();
  ctx.moveTo(frame.left, frame.bottom + 0.5);
  ctx.lineTo(frame.right, frame.bottom + 0.5);
  ctx.stroke();
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const t of frame.xTicks) {
    const x = Math.round(frame.x(t)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(x, frame.bottom);
    ctx.lineTo(x, frame.bottom + 4);
    ctx.stroke();
    const label = formatX(t);
    const half = ctx.measureText(label).width / 2;
    ctx.fillText(label, Math.min(Math.max(x, half), width - half), frame.bottom + 6);
  }

  ctx.save();
  ctx.beginPath();
  ctx.rect(frame.left - 4, frame.top - 4, frame.right - frame.left + 8, frame.bottom - frame.top + 8);
  ctx.clip();
  for (const s of series) {
    if (s.line && s.points.length > 1) {
      ctx.globalAlpha = 0.8;
      ctx.strokeStyle = s.color;
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      s.points.forEach((p, i) => (i ? ctx.lineTo(frame.x(p.x), frame.y(p.y)) : ctx.moveTo(frame.x(p.x), frame.y(p.y))));
      ctx.stroke();
    }
    ctx.globalAlpha = s.opacity ?? 1;
    ctx.fillStyle = s.color;
    ctx.beginPath();
    for (const p of s.points) {
      const x = frame.x(p.x);
      const y = frame.y(p.y);
      ctx.moveTo(x + s.radius, y);
      ctx.arc(x, y, s.radius, 0, 2 * Math.PI);
    }
    ctx.fill();
    if (s.outline) {
      ctx.globalAlpha = 1;
      ctx.strokeStyle = colors.fg;
      ctx.lineWidth = 1;
      ctx.stroke();
    }
  }
  ctx.restore();
  ctx.globalAlpha = 1;
}
