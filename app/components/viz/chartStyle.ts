import type { CSSProperties } from 'react';
import { roundTicks } from './axisTicks';
import { THEME } from './theme';

/**
 * Shared recharts axis styling so every chart follows the theme. `interval: 0` draws every tick (our tick sets are
 * small and explicit) and skips recharts' collision check, which measures each new label in a DOM span and forces a
 * layout in the middle of a chart update.
 */
export const AXIS_PROPS = {
  interval: 0,
  stroke: THEME.border,
  tick: { fill: THEME.muted, fontSize: 11 },
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

/** XAxis props for a round axis spanning exactly the plotted rounds, with round-number ticks. */
export function roundAxisProps(data: readonly { round: number }[]) {
  const first = data.length ? data[0].round : 0;
  const last = data.length ? data[data.length - 1].round : 0;
  return {
    dataKey: 'round',
    type: 'number',
    domain: [first, last],
    ticks: roundTicks(first, last),
    allowDecimals: false,
  } as const;
}
