import { describe, expect, it } from 'vitest';
import { aggregatorFor, runOnce, updatesOf } from './testing';

const gm = () => aggregatorFor({ name: 'geometric-median' });

describe('geometric median (RFA smoothed Weiszfeld)', () => {
  it('collinear points: the middle one (the 1-D median), not the mean', () => {
    // (0,0), (1,0), (10,0): Σ|z − x_i| on the line is minimal at z = 1 (mean would be 11/3)
    const { out } = runOnce(gm(), updatesOf([[0, 0], [1, 0], [10, 0]]));
    expect(out[0]).toBeCloseTo(1, 4);
    expect(out[1]).toBeCloseTo(0, 6);
  });

  it('symmetric triangle with a far apex: the Fermat point (0, 1/√3)', () => {
    // A(−1,0) B(1,0) C(0,100), all angles < 120°: the point on x = 0 where AB subtends 120°, tan 60° = 1/y
    const { out, decisions } = runOnce(gm(), updatesOf([[-1, 0], [1, 0], [0, 100]]));
    expect(out[0]).toBeCloseTo(0, 6);
    expect(out[1]).toBeCloseTo(1 / Math.sqrt(3), 4);
    const weights = [0, 1, 2].map((id) => decisions.get(id)?.weight ?? NaN);
    expect(weights[0] + weights[1] + weights[2]).toBeCloseTo(1, 12);
    expect(weights[0]).toBeCloseTo(weights[1], 9); // symmetric
    expect(weights[2]).toBeLessThan(0.01); // weight ∝ 1/distance: C is ~100 away, A and B ~1.15
  });

  it('symmetric points: stays at the centre it starts from (the mean)', () => {
    const { out } = runOnce(gm(), updatesOf([[1, 1], [-1, 1], [1, -1], [-1, -1]]));
    expect(out).toEqual([0, 0]);
  });

  it('identical updates: that update', () => {
    expect(runOnce(gm(), updatesOf([[0.5, -2], [0.5, -2], [0.5, -2]])).out).toEqual([0.5, -2]);
  });
});
