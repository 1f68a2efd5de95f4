/** Display formatting. Every formatter prints "—" for a missing or non-finite value, so NaN never reaches the screen. */

import { formatDelta as formatPrivacyDelta, formatEpsilon as formatPrivacyEpsilon } from '../../../core/privacy/format';

export const MISSING = '—';

export function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** 0.8734 → "87.3%". */
export function formatPercent(v: number | null | undefined, digits = 1): string {
  return isFiniteNumber(v) ? `${(v * 100).toFixed(digits)}%` : MISSING;
}

// Built once: toLocaleString with options builds a formatter per call, milliseconds each time during a live update.
const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });
const INTEGER = new Intl.NumberFormat('en-US');

/** Up to `digits` significant digits, without exponent for everyday magnitudes. */
export function formatNumber(v: number | null | undefined, digits = 3): string {
  if (!isFiniteNumber(v)) return MISSING;
  if (v !== 0 && (Math.abs(v) >= 1e6 || Math.abs(v) < 1e-3)) return v.toExponential(digits - 1);
  return GROUPED.format(Number(v.toPrecision(digits)));
}

/** Exponent notation without "+" or trailing zeros: 1.90e+8 → "1.9e8", 1e-4 → "1e-4". */
function shortExponent(v: number, digits: number): string {
  const [mantissa, exponent] = v.toExponential(Math.max(0, digits - 1)).split('e');
  const m = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
  return `${m}e${Number(exponent)}`;
}

const COMPACT_UNITS = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
] as const;

/**
 * A short label for any magnitude, for axis ticks: 190000000 → "190M", 2500 → "2.5K", 3e16 → "3e16", 0.0001 → "1e-4";
 * `digits` significant digits, trailing zeros dropped. Plain numbers in between.
 */
export function formatCompact(v: number | null | undefined, digits = 3): string {
  if (!isFiniteNumber(v)) return MISSING;
  const a = Math.abs(v);
  if (a >= 1e15 || (a > 0 && a < 1e-3)) return shortExponent(v, digits);
  for (const [unit, suffix] of COMPACT_UNITS) {
    // Rounded first, so 999,999 reads "1M", not "1000K".
    if (Number(a.toPrecision(digits)) >= unit) return `${Number((v / unit).toPrecision(digits))}${suffix}`;
  }
  return String(Number(v.toPrecision(digits)));
}

export function formatInteger(v: number | null | undefined): string {
  return isFiniteNumber(v) ? INTEGER.format(Math.round(v)) : MISSING;
}

export const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

/** Binary units: 1536 → "1.5 KiB". */
export function formatBytes(v: number | null | undefined): string {
  if (!isFiniteNumber(v)) return MISSING;
  let x = Math.abs(v);
  let u = 0;
  while (x >= 1024 && u < BYTE_UNITS.length - 1) {
    x /= 1024;
    u++;
  }
  const text = u === 0 ? String(Math.round(x)) : x.toFixed(x < 10 ? 2 : x < 100 ? 1 : 0);
  return `${v < 0 ? '-' : ''}${text} ${BYTE_UNITS[u]}`;
}

/** Milliseconds → "340 ms", "2.41 s", "3 min 05 s". */
export function formatDuration(ms: number | null | undefined): string {
  if (!isFiniteNumber(ms)) return MISSING;
  if (Math.abs(ms) < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (Math.abs(s) < 60) return `${s.toFixed(s < 10 ? 2 : 1)} s`;
  const whole = Math.round(s);
  return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
}

/** ε: "2.11", "∞" without noise, "—" when unknown. */
export function formatEpsilon(v: number | null | undefined): string {
  return v === Infinity || isFiniteNumber(v) ? formatPrivacyEpsilon(v) : MISSING;
}

/** δ: 1e-5 → "1e−5", with a typographic minus on screen. */
export function formatDelta(v: number): string {
  return formatPrivacyDelta(v).replace('e-', 'e−');
}
