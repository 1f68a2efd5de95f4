import { describe, expect, it } from 'vitest';
import { lineSearch, LINE_SEARCH_DEFAULTS } from './lineSearch';

describe('lineSearch (ByzFL’s optimal attacks)', () => {
  it('uses ByzFL’s defaults: 20 evaluations from τ = 0, step 10, ratio 0.8', () => {
    expect(LINE_SEARCH_DEFAULTS).toEqual({ evals: 20, start: 0, delta: 10, ratio: 0.8 });
    const tried: number[] = [];
    lineSearch((tau) => (tried.push(tau), tau));
    // An objective that always improves: the expansion doubles the step 19 times.
    expect(tried).toEqual(Array.from({ length: 20 }, (_, k) => 10 * (2 ** k - 1)));
  });

  it('expands while it improves, then tries best + Δ with Δ shrinking by the ratio', () => {
    const peak = (tau: number) => -((tau - 37) ** 2);
    // 0, 10, 30 improve; 70 does not (Δ: 40 → 32); 62, 55.6, 50.48, 46.384 do not; 30 + 13.1072 = 43.1072 does.
    expect(lineSearch(peak, { optEvals: 8 })).toBe(30);
    expect(lineSearch(peak, { optEvals: 9 })).toBeCloseTo(43.1072, 10);
    expect(lineSearch(peak, { optEvals: 5, optStart: 35, optDelta: 1, optRatio: 0.5 })).toBe(37); // 35, 36, 38 ✗, 37 ✓
  });

  it('never tries below the start, as ByzFL', () => {
    const tried: number[] = [];
    expect(lineSearch((tau) => (tried.push(tau), -Math.abs(tau + 5)), { optEvals: 4 })).toBe(0);
    expect(tried).toEqual([0, 10, 8, 6.4]);
  });
});
