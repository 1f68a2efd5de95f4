import { describe, expect, it } from 'vitest';
import { decimate, lttbIndices, thinGroups } from './decimate';

describe('lttbIndices', () => {
  it('keeps the spike between flat ends', () => {
    expect(lttbIndices([0, 1, 2, 3, 4], [0, 0, 5, 0, 0], 3)).toEqual([0, 2, 4]);
  });
  it('picks the largest triangle per bucket (hand-computed)', () => {
    // Bucket 1 = {1,2} vs next mean (3.5, 1.5): areas 2 and 3 → 2. Bucket 2 = {3,4} vs (5,0): areas 0 and 9 → 4.
    expect(lttbIndices([0, 1, 2, 3, 4, 5], [0, 1, 0, 0, 3, 0], 4)).toEqual([0, 2, 4, 5]);
  });
  it('returns every index when under the threshold', () => {
    expect(lttbIndices([0, 1, 2], [1, 2, 3], 10)).toEqual([0, 1, 2]);
  });
  it('rejects mismatched inputs', () => {
    expect(() => lttbIndices([0, 1], [0], 3)).toThrow(/2 x values but 1 y values/);
  });
});

describe('decimate', () => {
  it('thins long series to the maximum, keeping both ends', () => {
    const items = Array.from({ length: 1000 }, (_, i) => ({ round: i, v: Math.sin(i / 10) }));
    const out = decimate(items, (p) => p.round, (p) => p.v, 300);
    expect(out).toHaveLength(300);
    expect(out[0].round).toBe(0);
    expect(out[299].round).toBe(999);
  });
  it('copies short series unchanged and tolerates null values', () => {
    const items = [{ r: 0, v: null }, { r: 1, v: 2 }];
    expect(decimate(items, (p) => p.r, (p) => p.v)).toEqual(items);
  });
});

describe('thinGroups', () => {
  it('keeps every s-th group whole plus the last group', () => {
    const rounds = [1, 1, 2, 2, 3, 3, 4, 4, 5];
    // stride = ceil(9 / 4) = 3 → groups 0 (round 1) and 3 (round 4), and the last round 5.
    expect(thinGroups(rounds, (r) => r, 4)).toEqual([1, 1, 4, 4, 5]);
  });
});
