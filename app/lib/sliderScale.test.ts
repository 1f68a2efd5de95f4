import { describe, expect, it } from 'vitest';
import { sliderScale } from './sliderScale';

describe('sliderScale', () => {
  it('log scale: ends map to the range ends and the middle is the geometric mean', () => {
    const s = sliderScale({ min: 0.001, max: 1000, integer: false, log: true });
    expect(s.fromPosition(0)).toBe(0.001);
    expect(s.fromPosition(1000)).toBe(1000);
    expect(s.fromPosition(500)).toBe(1);
    expect(s.toPosition(0.1)).toBe(333);
    // Two significant digits: 10^(-3 + 6·0.25) = 0.0316… → 0.032.
    expect(s.fromPosition(250)).toBe(0.032);
  });

  it('log scale over integers rounds to whole numbers and clamps', () => {
    const s = sliderScale({ min: 1, max: 500, integer: true, log: true });
    expect(s.fromPosition(1000)).toBe(500);
    expect(s.fromPosition(0)).toBe(1);
    expect(Number.isInteger(s.fromPosition(437))).toBe(true);
    expect(s.toPosition(10_000)).toBe(1000);
  });

  it('linear scale uses the value itself, steps of 1 for integers or a hundredth of the range', () => {
    expect(sliderScale({ min: 1, max: 50, integer: true })).toMatchObject({ min: 1, max: 50, step: 1 });
    expect(sliderScale({ min: 0, max: 2, integer: false }).step).toBe(0.02);
    expect(sliderScale({ min: 0, max: 1, integer: false, step: 0.05 }).fromPosition(1.7)).toBe(1);
  });

  it('moveTo never gets stuck: one step right or left always reaches a different value', () => {
    const alpha = sliderScale({ min: 0.001, max: 1000, integer: false, log: true });
    // Position 334 still rounds to 0.1 (two digits): the move continues to the next distinct value.
    expect(alpha.fromPosition(alpha.toPosition(0.1) + 1)).toBe(0.1);
    expect(alpha.moveTo(alpha.toPosition(0.1) + 1, 0.1)).toBe(0.11);
    expect(alpha.moveTo(alpha.toPosition(0.1) - 1, 0.1)).toBe(0.098);
    const rounds = sliderScale({ min: 1, max: 1000, integer: true, log: true });
    expect(rounds.moveTo(1, 1)).toBe(2);
    expect(rounds.moveTo(999, 1000)).toBe(993);
    // At the ends there is nowhere to go.
    expect(rounds.moveTo(0, 1)).toBe(1);
  });

  it('refuses a log scale starting at zero', () => {
    expect(() => sliderScale({ min: 0, max: 1, integer: false, log: true })).toThrow(/positive minimum/);
  });
});
