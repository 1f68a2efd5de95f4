import { describe, expect, it } from 'vitest';
import { PERCENT_AXIS, byteAxis, valueAxis } from './axisTicks';
import { axisWidth, textWidth } from './axisWidth';

describe('axisWidth', () => {
  it('grows with the widest tick label, so none is clipped (issue 14, bug 3)', () => {
    const small = valueAxis(2.28, 2.31);
    const exploded = valueAxis(2.3, 1.9e8, { count: 3 });
    const fixed = valueAxis(0, 190_000_000).ticks.map((v) => v.toFixed(0));
    // The old fixed 44 px held "2.31" but not "190000000"; compact labels need far less than the raw digits.
    expect(axisWidth(small)).toBeLessThanOrEqual(44);
    expect(axisWidth(exploded)).toBeGreaterThan(textWidth('200M'));
    expect(axisWidth(exploded)).toBeLessThan(textWidth(fixed.at(-1) ?? ''));
    expect(axisWidth(byteAxis(3.9 * 1024 * 1024))).toBeGreaterThan(axisWidth(small));
  });

  it('leaves room for the tick and an edge beside the label', () => {
    const label = PERCENT_AXIS.format(1);
    expect(axisWidth(PERCENT_AXIS)).toBeGreaterThanOrEqual(Math.ceil(textWidth(label)) + 8);
    expect(textWidth('1.5')).toBeLessThan(textWidth('155'));
  });
});
