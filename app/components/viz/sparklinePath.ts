import { lttbIndices, MAX_CHART_POINTS } from './decimate';

/**
 * SVG path ("M x y L x y …") through the finite values, index on x, scaled into width × height with `pad` px inset.
 * Non-finite values break the line into separate segments. Returns "" when there is nothing to draw.
 */
export function sparklinePath(values: readonly number[], width: number, height: number, pad = 1.5): string {
  let idx = values.map((_, i) => i);
  if (values.length > MAX_CHART_POINTS) {
    const ys = values.map((v) => (Number.isFinite(v) ? v : 0));
    idx = lttbIndices(idx, ys, MAX_CHART_POINTS);
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  if (lo > hi) return '';
  const span = hi - lo || 1;
  const xScale = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
  const parts: string[] = [];
  let pen = false;
  for (const i of idx) {
    const v = values[i];
    if (!Number.isFinite(v)) {
      pen = false;
      continue;
    }
    const x = pad + i * xScale;
    const y = height - pad - ((v - lo) / span) * (height - 2 * pad);
    parts.push(`${pen ? 'L' : 'M'}${x.toFixed(1)} ${y.toFixed(1)}`);
    pen = true;
  }
  return parts.join(' ');
}
