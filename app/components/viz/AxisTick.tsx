import { TICK_FONT_SIZE } from './axisWidth';
import { THEME } from './theme';

export interface AxisTickProps {
  x?: number | string;
  y?: number | string;
  textAnchor?: 'start' | 'middle' | 'end' | 'inherit';
  verticalAnchor?: 'start' | 'middle' | 'end';
  payload?: { value: unknown };
  index?: number;
  tickFormatter?: (value: unknown, index: number) => string;
}

/** Baseline offsets recharts' Text uses for one line of text: cap height 0.71em, centred, or bottom-aligned. */
const DY = { start: '0.71em', middle: '0.355em', end: 0 } as const;

/**
 * One axis label as a plain SVG <text>. recharts' default label component splits, measures and parses CSS `calc()`
 * for every label on every chart update, which is most of an axis' share of a live update.
 */
export function renderAxisTick({ x, y, textAnchor, verticalAnchor = 'end', payload, index = 0, tickFormatter }: AxisTickProps) {
  const value = payload?.value;
  return (
    <text x={x} y={y} dy={DY[verticalAnchor]} textAnchor={textAnchor} fill={THEME.muted} fontSize={TICK_FONT_SIZE}>
      {tickFormatter ? tickFormatter(value, index) : String(value)}
    </text>
  );
}
