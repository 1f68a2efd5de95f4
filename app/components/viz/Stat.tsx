'use client';
import { formatBytes, formatDuration, formatInteger, formatNumber, formatPercent, MISSING } from './format';
import { Sparkline } from './Sparkline';
import { THEME } from './theme';

export type StatFormat = 'percent' | 'number' | 'integer' | 'bytes' | 'duration';

const FORMATTERS: Record<StatFormat, (v: number) => string> = {
  percent: (v) => formatPercent(v),
  number: (v) => formatNumber(v),
  integer: formatInteger,
  bytes: formatBytes,
  duration: formatDuration,
};

export interface StatProps {
  label: string;
  /** A number (formatted by `format`; NaN/undefined show "—") or ready-made text. */
  value: number | string | null | undefined;
  /** How to format a numeric value; default 'number'. 'duration' takes milliseconds. */
  format?: StatFormat;
  /** Small text under the value, e.g. "of 100 rounds". */
  hint?: string;
  /** Optional history drawn as a sparkline next to the value. */
  trend?: readonly number[];
  testId?: string;
}

/** A headline number (current accuracy, round, ε …) with a label and an optional sparkline. */
export function Stat({ label, value, format = 'number', hint, trend, testId }: StatProps) {
  const text = typeof value === 'string' ? value : typeof value === 'number' ? FORMATTERS[format](value) : MISSING;
  return (
    <div data-testid={testId} style={{ display: 'inline-flex', flexDirection: 'column', gap: 2, minWidth: 90, color: THEME.fg }}>
      <span style={{ fontSize: 11, color: THEME.muted, textTransform: 'uppercase', letterSpacing: 0.4 }}>{label}</span>
      <span style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
        <span style={{ fontSize: 22, fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>{text}</span>
        {trend && trend.length > 1 && <Sparkline values={trend} label={`${label} trend`} />}
      </span>
      {hint && <span style={{ fontSize: 11, color: THEME.muted }}>{hint}</span>}
    </div>
  );
}
