/** Series longer than this are thinned before they reach a chart. */
export const MAX_CHART_POINTS = 300;

/**
 * Largest-Triangle-Three-Buckets downsampling (Steinarsson 2013, "Downsampling Time Series for Visual
 * Representation"): keeps the first and last point and, per bucket, the point forming the largest triangle with the
 * previous kept point and the next bucket's mean. Returns the kept indices, ascending.
 */
export function lttbIndices(xs: ArrayLike<number>, ys: ArrayLike<number>, threshold: number): number[] {
  const n = xs.length;
  if (ys.length !== n) throw new Error(`lttbIndices: ${n} x values but ${ys.length} y values`);
  if (threshold >= n || n <= 2) return Array.from({ length: n }, (_, i) => i);
  if (threshold < 3) throw new Error(`lttbIndices: threshold must be at least 3, got ${threshold}`);
  const kept = [0];
  const bucket = (n - 2) / (threshold - 2);
  let a = 0;
  for (let b = 0; b < threshold - 2; b++) {
    const start = Math.floor(b * bucket) + 1;
    const end = Math.floor((b + 1) * bucket) + 1;
    const nextEnd = Math.min(Math.floor((b + 2) * bucket) + 1, n);
    let mx = 0;
    let my = 0;
    for (let j = end; j < nextEnd; j++) {
      mx += xs[j];
      my += ys[j];
    }
    const count = nextEnd - end;
    mx /= count;
    my /= count;
    let best = start;
    let bestArea = -1;
    for (let j = start; j < end; j++) {
      const area = Math.abs((xs[a] - mx) * (ys[j] - ys[a]) - (xs[a] - xs[j]) * (my - ys[a]));
      if (area > bestArea) {
        bestArea = area;
        best = j;
      }
    }
    kept.push(best);
    a = best;
  }
  kept.push(n - 1);
  return kept;
}

/** Thins `items` to at most `max` by LTTB on (x, y); y may be NaN/null for gaps (treated as 0 for the choice). */
export function decimate<T>(
  items: readonly T[],
  x: (item: T) => number,
  y: (item: T) => number | null,
  max = MAX_CHART_POINTS,
): T[] {
  if (items.length <= max) return items.slice();
  const xs = items.map(x);
  const ys = items.map((it) => {
    const v = y(it);
    return v !== null && Number.isFinite(v) ? v : 0;
  });
  return lttbIndices(xs, ys, max).map((i) => items[i]);
}

/**
 * Thins grouped points (e.g. one group per round) to about `max` by keeping every s-th group whole, always including
 * the last group. Input must be sorted by key.
 */
export function thinGroups<T>(items: readonly T[], key: (item: T) => number, max: number): T[] {
  if (items.length <= max) return items.slice();
  const stride = Math.ceil(items.length / max);
  const lastKey = key(items[items.length - 1]);
  const out: T[] = [];
  let groupIndex = -1;
  let prevKey = Number.NaN;
  for (const it of items) {
    const k = key(it);
    if (k !== prevKey) {
      groupIndex++;
      prevKey = k;
    }
    if (groupIndex % stride === 0 || k === lastKey) out.push(it);
  }
  return out;
}
