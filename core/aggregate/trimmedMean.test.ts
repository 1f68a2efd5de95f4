import { describe, expect, it } from 'vitest';
import { trimCount } from './trimmedMean';
import { aggregatorFor, runOnce, updatesOf } from './testing';

const trimmed = (trimBeta = 0.2) => aggregatorFor({ name: 'trimmed-mean', trimBeta });

describe('trimmed mean', () => {
  it('drops b = floor(0.2·5) = 1 value per tail and coordinate', () => {
    // coord 0: −4 | 1, 2, 3 | 100 → 2;  coord 1: −2 | 0, 5, 7 | 10 → 12/3 = 4
    const { out, decisions } = runOnce(trimmed(), updatesOf([[1, 10], [3, -2], [2, 5], [100, 0], [-4, 7]]));
    expect(out).toEqual([2, 4]);
    // cut: client 0 in coord 1 (10), client 1 in coord 1 (−2), client 3 in coord 0 (100), client 4 in coord 0 (−4)
    expect([0, 1, 2, 3, 4].map((id) => decisions.get(id)?.trimmedFraction)).toEqual([0.5, 0.5, 0, 0.5, 0.5]);
  });

  it('b = 0 (floor(0.2·4) = 0) is the plain mean, not zeros', () => {
    // ((1+3+5+7)/4, (2+4+6+8)/4)
    expect(runOnce(trimmed(), updatesOf([[1, 2], [3, 4], [5, 6], [7, 8]])).out).toEqual([4, 5]);
  });

  it('ties at the cut: the value is the same whichever tied client is dropped', () => {
    // 2, 2, 2, 2, 9 with b = 1: drop one 2 and the 9 → (2+2+2)/3 = 2; the dropped 2 is charged to client 0
    const { out, decisions } = runOnce(trimmed(), updatesOf([[2], [2], [2], [2], [9]]));
    expect(out).toEqual([2]);
    expect([0, 1, 2, 3, 4].map((id) => decisions.get(id)?.trimmedFraction)).toEqual([1, 0, 0, 0, 1]);
  });

  it('β = 0.4 with n = 6 drops 2 per tail: the mean of the two middle values', () => {
    // 0, 1 | 4, 6 | 8, 50 → 5
    expect(runOnce(trimmed(0.4), updatesOf([[8], [0], [50], [4], [1], [6]])).out).toEqual([5]);
  });

  it('b = floor(β·n) without floating-point undershoot', () => {
    expect(trimCount(0.29, 100)).toBe(29); // 0.29 · 100 = 28.999999999999996 in floating point
    expect(trimCount(0.2, 9)).toBe(1);
    expect(trimCount(0.49, 2)).toBe(0);
  });
});
