'use client';
import { useMemo } from 'react';
import { sparklinePath } from './sparklinePath';
import { THEME } from './theme';

export interface SparklineProps {
  /** Values in order; non-finite ones leave a gap. */
  values: readonly number[];
  width?: number;
  height?: number;
  color?: string;
  /** Accessible description; without it the sparkline is decorative (aria-hidden). */
  label?: string;
}

/** A tiny trend line with no axes, scaled to its own min and max. */
export function Sparkline({ values, width = 80, height = 22, color = THEME.accent, label }: SparklineProps) {
  const d = useMemo(() => sparklinePath(values, width, height), [values, width, height]);
  return (
    <svg width={width} height={height} role={label ? 'img' : undefined} aria-label={label} aria-hidden={label ? undefined : true} style={{ display: 'block' }}>
      {d && <path d={d} fill="none" stroke={color} strokeWidth={1.5} strokeLinejoin="round" strokeLinecap="round" />}
    </svg>
  );
}
