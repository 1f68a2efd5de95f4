/**
 * A value axis' width from its widest tick label, so labels are never clipped (a fixed 44 px cut "190000000" to
 * "00000") and short labels waste no room. Estimated from per-character widths rather than measured in the DOM:
 * measuring forces a layout in every live update (see chartStyle.ts).
 */
import type { ValueAxis } from './axisTicks';

/** Font size of the axis tick labels (AxisTick.tsx). */
export const TICK_FONT_SIZE = 11;

/** recharts' tick line (6) and the gap between it and the label (2), plus a little room at the svg's edge. */
const TICK_SPACE = 6 + 2 + 4;

/**
 * Advance widths in em, rounded up from DejaVu Sans (Debian's system-ui fallback), the widest of the common sans
 * fonts, so other fonts only leave a little slack.
 */
const NARROW = new Set(['.', ',', ':', ' ', 'i', 'l']);
const WIDE = new Set(['%', 'M', 'm', 'W', 'w', '−', '—']);

function charEm(c: string): number {
  if (NARROW.has(c)) return 0.33;
  if (WIDE.has(c)) return 0.96;
  if (c >= 'A' && c <= 'Z') return 0.72;
  return 0.64;
}

/** Estimated width in px of `text` at `fontSize`. */
export function textWidth(text: string, fontSize = TICK_FONT_SIZE): number {
  let em = 0;
  for (const c of text) em += charEm(c);
  return em * fontSize;
}

/** Width in px for a y axis showing `axis`' tick labels: the widest label plus the tick. */
export function axisWidth(axis: ValueAxis, fontSize = TICK_FONT_SIZE): number {
  let widest = 0;
  for (const t of axis.ticks) widest = Math.max(widest, textWidth(axis.format(t), fontSize));
  return Math.ceil(widest) + TICK_SPACE;
}
