import { useMemo, useState, type CSSProperties } from 'react';
import { roundTicks, type ValueAxis } from './axisTicks';
import { renderAxisTick } from './AxisTick';
import { THEME } from './theme';

/**
 * Shared recharts axis styling so every chart follows the theme. Every axis gets explicit ticks (axisTicks.ts), so
 * `interval: 0` draws them all, skipping recharts' collision check (it measures each new label in a DOM span, forcing a
 * layout mid-update), and `niceTicks: 'none'` skips recharts' own tick search (decimal arithmetic on every update).
 */
export const AXIS_PROPS = {
  interval: 0,
  niceTicks: 'none',
  stroke: THEME.border,
  tick: renderAxisTick,
  tickLine: { stroke: THEME.border },
} as const;

export const GRID_STROKE = THEME.border;

export const TOOLTIP_PROPS = {
  isAnimationActive: false,
  contentStyle: {
    background: THEME.panel,
    border: `1px solid ${THEME.border}`,
    borderRadius: 6,
    color: THEME.fg,
    fontSize: 12,
  } satisfies CSSProperties,
  labelStyle: { color: THEME.fg } satisfies CSSProperties,
} as const;

export const CHART_MARGIN = { top: 10, right: 18, bottom: 2, left: 0 } as const;

/** Style for a `responsive` recharts chart: full container width, fixed height. */
export function chartBoxStyle(height: number): CSSProperties {
  return { width: '100%', height };
}

/** Lines draw no dots (cheap, clean), except a lone point, which would otherwise be invisible. */
export function lineDot(points: number): false | { r: number } {
  return points === 1 ? { r: 3 } : false;
}

/**
 * XAxis props for a round axis from round 0 to the last plotted round, with round-number ticks. A live chart passes
 * the rounds the run plans (`totalRounds`; the axis grows if the data outgrows them), so a new round only extends the
 * lines — the axis, its labels and the grid stay as they are, which keeps a live update cheap, and the run's progress
 * shows. Same object while the span is unchanged (recharts re-registers an axis whose props change identity).
 */
export function useRoundAxis(data: readonly { round: number }[], totalRounds = 0) {
  const last = Math.max(totalRounds, data.at(-1)?.round ?? 0);
  return useMemo(
    () => ({ dataKey: 'round', type: 'number', domain: [0, last], ticks: roundTicks(0, last), allowDecimals: false }) as const,
    [last],
  );
}

const sameValues = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * `axis`, or the equal one given before (same ticks and domain): value axes are recomputed with every round, and
 * recharts re-registers an axis whose props change identity, extra work in every live update.
 */
export function useStableAxis(axis: ValueAxis): ValueAxis {
  const [shown, setShown] = useState(axis);
  if (shown === axis || (sameValues(shown.ticks, axis.ticks) && sameValues(shown.domain, axis.domain))) return shown;
  setShown(axis);
  return axis;
}
