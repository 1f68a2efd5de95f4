import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { medianInPlace, selectInPlace } from './select';

describe('selectInPlace', () => {
  it('puts the value of rank k at k, smaller before and larger after, with many duplicates', () => {
    const rng = new Rng(3, 'test');
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + rng.int(40);
      const a = Float64Array.from({ length: n }, () => rng.int(6) - 3);
      const sorted = Array.from(a).sort((x, y) => x - y);
      const k = rng.int(n);
      selectInPlace(a, 0, n - 1, k);
      expect(a[k]).toBe(sorted[k]);
      for (let i = 0; i < k; i++) expect(a[i]).toBeLessThanOrEqual(a[k]);
      for (let i = k + 1; i < n; i++) expect(a[i]).toBeGreaterThanOrEqual(a[k]);
    }
  });

  it('works on a sub-range and leaves the rest alone', () => {
    const a = Float64Array.from([9, 5, 1, 4, 3, -7]);
    selectInPlace(a, 1, 4, 2); // ranks within [5, 1, 4, 3]: 1, 3, 4, 5 → rank 1 of the range is 3
    expect(a[2]).toBe(3);
    expect([a[0], a[5]]).toEqual([9, -7]);
  });
});

describe('medianInPlace', () => {
  it('odd n: the middle value; even n: mean of the two middle values', () => {
    expect(medianInPlace(Float64Array.from([5, -1, 3]), 3)).toBe(3);
    expect(medianInPlace(Float64Array.from([10, 1, 4, 2]), 4)).toBe(3); // (2 + 4) / 2
    expect(medianInPlace(Float64Array.from([7, 7, 1, 7]), 4)).toBe(7);
  });
});
