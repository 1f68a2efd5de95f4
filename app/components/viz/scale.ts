/** Linear scales and "nice" axis ticks for the canvas plots. */

export interface Ticks {
  /** Domain widened to whole steps. */
  min: number;
  max: number;
  step: number;
  ticks: number[];
}

/**
 * About `count` evenly spaced ticks covering [lo, hi] at a step of 1, 2 or 5 × 10^k (the step rule of d3-array's
 * `tickIncrement`: thresholds √50, √10, √2). A zero-width range is widened by one unit (or 10% of its value).
 */
export function niceTicks(lo: number, hi: number, count = 5, integer = false): Ticks {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) throw new Error(`niceTicks: non-finite range ${lo}…${hi}`);
  if (hi < lo) [lo, hi] = [hi, lo];
  if (hi === lo) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  const raw = (hi - lo) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const r = raw / mag;
  let step = (r >= Math.sqrt(50) ? 10 : r >= Math.sqrt(10) ? 5 : r >= Math.sqrt(2) ? 2 : 1) * mag;
  if (integer) step = Math.max(1, Math.round(step));
  const i0 = Math.floor(lo / step + 1e-9);
  const i1 = Math.ceil(hi / step - 1e-9);
  const ticks: number[] = [];
  // Multiply integers rather than accumulate, so 0.1-steps do not drift (0.30000000000000004).
  for (let i = i0; i <= i1; i++) ticks.push(Number((i * step).toPrecision(12)));
  return { min: ticks[0], max: ticks[ticks.length - 1], step, ticks };
}

/** Maps [d0, d1] linearly onto [r0, r1]. */
export function linearScale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/** [min, max] of the values, or `fallback` when there are none. */
export function extent(values: Iterable<number>, fallback: [number, number]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : fallback;
}
