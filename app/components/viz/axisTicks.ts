/** Explicit tick sets for the recharts axes, so ticks land on round numbers (recharts' own land on 1, 11, 21 …). */
import { BYTE_UNITS, formatCompact, formatNumber, formatPercent } from './format';
import { niceTicks } from './scale';

/** Integer round ticks at a 1-2-5 step within [first, last]. */
export function roundTicks(first: number, last: number, count = 5): number[] {
  if (!(last > first)) return [first];
  return niceTicks(first, last, count, true).ticks.filter((t) => t >= first && t <= last);
}

export interface ValueAxis {
  ticks: number[];
  domain: [number, number];
  /** Tick label, e.g. with just enough decimals for the step (0.05 → 2, 0.5 → 1, 5 → 0) or in one byte unit. */
  format: (v: number) => string;
}

/** Ticks from 0 to at least `maxBytes` in one binary unit chosen from the maximum (e.g. 0, 1, 2, 3, 4 MiB). */
export function byteAxis(maxBytes: number, count = 4): ValueAxis {
  let u = 0;
  while (maxBytes >= 1024 ** (u + 1) && u < BYTE_UNITS.length - 1) u++;
  const unit = 1024 ** u;
  const t = niceTicks(0, Math.max(maxBytes / unit, 1e-9), count);
  const ticks = t.ticks.map((v) => v * unit);
  return {
    ticks,
    domain: [0, ticks[ticks.length - 1]],
    format: (bytes) => `${formatNumber(bytes / unit, 3)} ${BYTE_UNITS[u]}`,
  };
}

/** Accuracies and other shares: 0–100 % in quarters. */
export const PERCENT_AXIS: ValueAxis = {
  ticks: [0, 0.25, 0.5, 0.75, 1],
  domain: [0, 1],
  format: (v) => formatPercent(v, 0),
};

/** Ticks at or beyond this magnitude are labelled compactly (190M, 1.9e18): fixed decimals would print 190000000. */
const COMPACT_FROM = 1e4;

/** Nice ticks covering [lo, hi] (from 0 when `fromZero`); labels carry `suffix` (e.g. " s"). */
export function valueAxis(lo: number, hi: number, { count = 4, fromZero = false, suffix = '' } = {}): ValueAxis {
  const t = niceTicks(fromZero ? Math.min(0, lo) : lo, hi, count);
  const largest = Math.max(Math.abs(t.min), Math.abs(t.max));
  if (largest >= COMPACT_FROM) {
    // Enough significant digits that neighbouring ticks differ: the largest tick's digits down to the step's.
    const digits = Math.max(1, Math.floor(Math.log10(largest) + 1e-9) - Math.floor(Math.log10(t.step) + 1e-9) + 1);
    return { ticks: t.ticks, domain: [t.min, t.max], format: (v) => `${formatCompact(v, digits)}${suffix}` };
  }
  // Steps are 1, 2 or 5 × 10^k, so the step's magnitude gives the decimals needed.
  const decimals = Math.max(0, -Math.floor(Math.log10(t.step) + 1e-9));
  return {
    ticks: t.ticks,
    domain: [t.min, t.max],
    format: (v) => `${v.toFixed(decimals)}${suffix}`,
  };
}

/** "1e8" for a power of ten far from 1, else the plain number (0.01, 1, 1000). */
function powerOfTenLabel(v: number): string {
  const k = Math.round(Math.log10(v));
  return k > 3 || k < -3 ? `1e${k}` : String(Number(v.toPrecision(1)));
}

/**
 * A log axis for positive values in [lo, hi]: ticks at powers of ten (every second or third one when the range spans
 * many decades, so about `count` ticks), the domain whole ticks. Non-positive `lo` is raised to a decade below `hi`.
 */
export function logAxis(lo: number, hi: number, count = 5): ValueAxis {
  const top = hi > 0 && Number.isFinite(hi) ? hi : 1;
  const bottom = lo > 0 && lo <= top ? lo : top / 10;
  const k0 = Math.floor(Math.log10(bottom) + 1e-9);
  let k1 = Math.ceil(Math.log10(top) - 1e-9);
  if (k1 <= k0) k1 = k0 + 1;
  const every = Math.max(1, Math.ceil((k1 - k0) / Math.max(1, count)));
  k1 = k0 + Math.ceil((k1 - k0) / every) * every;
  const ticks: number[] = [];
  for (let k = k0; k <= k1; k += every) ticks.push(Number(`1e${k}`));
  return { ticks, domain: [ticks[0], ticks[ticks.length - 1]], format: powerOfTenLabel };
}
