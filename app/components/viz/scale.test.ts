import { describe, expect, it } from 'vitest';
import { extent, linearScale, niceTicks } from './scale';

describe('niceTicks', () => {
  it('picks a 1-2-5 step and widens to whole steps (hand-computed)', () => {
    // raw step 2.83 / 5 = 0.566 → 5.66 × 0.1 → 5 × 0.1.
    const t = niceTicks(0.37, 3.2, 5);
    expect(t.step).toBeCloseTo(0.5, 12);
    expect(t.ticks).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5]);
  });
  it('avoids float drift and handles integer axes', () => {
    expect(niceTicks(0, 0.3, 3).ticks).toEqual([0, 0.1, 0.2, 0.3]);
    expect(niceTicks(1, 4, 10, true).ticks).toEqual([1, 2, 3, 4]);
  });
  it('widens a single value', () => {
    // 5 ± 0.5 → raw step 0.25 → 2 × 0.1 → whole steps 4.4 … 5.6.
    expect(niceTicks(5, 5, 4)).toMatchObject({ min: 4.4, max: 5.6 });
    expect(niceTicks(0, 0, 2).ticks).toEqual([-1, 0, 1]);
  });
});

describe('linearScale', () => {
  it('maps and inverts direction', () => {
    const y = linearScale(0, 10, 100, 0);
    expect(y(0)).toBe(100);
    expect(y(2.5)).toBe(75);
  });
});

describe('extent', () => {
  it('returns min and max, or the fallback for no values', () => {
    expect(extent([3, 1, 2], [0, 1])).toEqual([1, 3]);
    expect(extent([], [0, 1])).toEqual([0, 1]);
  });
});
