import { describe, expect, it } from 'vitest';
import { apportion, splitByCounts } from './apportion';

describe('apportion', () => {
  it('gives largest remainders the leftover units (hand-computed)', () => {
    // 10 units by weights 1:2:3:4 with at least 1 each: 6 left, quotas 0.6 1.2 1.8 2.4 → floors 0 1 1 2 (4), the two
    // leftovers go to remainders 0.8 and 0.6 → 1 1 2 2, plus the minimum → 2 2 3 3.
    expect(Array.from(apportion(10, [1, 2, 3, 4], 1))).toEqual([2, 2, 3, 3]);
    // 100 by 1:2:3:4, min 1: quotas 9.6 19.2 28.8 38.4 → 9 19 28 38 (94), leftovers to 0.8 then 0.6 → +1 each.
    expect(Array.from(apportion(100, [1, 2, 3, 4], 1))).toEqual([11, 20, 30, 39]);
  });

  it('breaks ties towards the lower index and always sums to the total', () => {
    expect(Array.from(apportion(5, [1, 1, 1]))).toEqual([2, 2, 1]);
    const weights = Array.from({ length: 97 }, (_, i) => Math.pow(i + 1, 2.7) / 3);
    for (const total of [97, 1000, 12_345]) expect(apportion(total, weights, 1).reduce((a, b) => a + b)).toBe(total);
  });

  it('gives zero-weight slots only their minimum', () => {
    expect(Array.from(apportion(7, [0, 1, 0], 1))).toEqual([1, 5, 1]);
  });

  it('rejects impossible minimums and all-zero weights', () => {
    expect(() => apportion(5, [1, 1, 1], 2)).toThrow(/3 slots at least 2 each out of 5/);
    expect(() => apportion(5, [0, 0])).toThrow(/positive weight/);
  });
});

describe('splitByCounts', () => {
  it('cuts consecutive, independent pieces', () => {
    const parts = splitByCounts(Int32Array.from([5, 6, 7, 8, 9]), [2, 0, 3]);
    expect(parts.map((p) => Array.from(p))).toEqual([[5, 6], [], [7, 8, 9]]);
    expect(parts[0].buffer).not.toBe(parts[2].buffer);
  });
});
