/** Explicit tick sets for the recharts axes, so ticks land on round numbers (recharts' own land on 1, 11, 21 …). */
import { BYTE_UNITS, formatNumber, formatPercent } from './format';
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

/** Nice ticks covering [lo, hi] (from 0 when `fromZero`); labels carry `suffix` (e.g. " s"). */
export function valueAxis(lo: number, hi: number, { count = 4, fromZero = false, suffix = '' } = {}): ValueAxis {
  const t = niceTicks(fromZero ? Math.min(0, lo) : lo, hi, count);
  // Steps are 1, 2 or 5 × 10^k, so the step's magnitude gives the decimals needed.
  const decimals = Math.max(0, -Math.floor(Math.log10(t.step) + 1e-9));
  return {
    ticks: t.ticks,
    domain: [t.min, t.max],
    format: (v) => `${v.toFixed(decimals)}${suffix}`,
  };
}
