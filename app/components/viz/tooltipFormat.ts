import { MISSING } from './format';

/**
 * Builds a recharts Tooltip `formatter` from a number formatter; ranged values ([low, high]) print as "low – high".
 * Non-numbers print as "—" so a tooltip never shows NaN.
 */
export function tooltipFormatter(format: (v: number) => string) {
  const one = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? format(v) : MISSING);
  return (value: unknown): string => (Array.isArray(value) ? value.map(one).join(' – ') : one(value));
}

export const roundLabel = (label: unknown): string => `Round ${String(label)}`;
