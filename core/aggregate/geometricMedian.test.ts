import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
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

describe('geometric median parameters ν, T and start', () => {
  it('unset is RFA: ν = 1e-6, T = 100, from the mean, bitwise', () => {
    const rng = new Rng(6, 'test');
    const updates = updatesOf(Array.from({ length: 7 }, () => [rng.normal(), rng.normal() * 3, rng.normal() + 2]));
    const explicit = aggregatorFor({ name: 'geometric-median', geomedNu: 1e-6, geomedIterations: 100, geomedStart: 'mean' });
    expect(runOnce(explicit, updates).out).toEqual(runOnce(gm(), updates).out);
  });

  it('one step from 0 or from the mean', () => {
    // 1 and 3, T = 1. From 0: β = 1, 3 → z = (1/1 + 3/3)/(1/1 + 1/3) = 2/(4/3) = 1.5.
    // From the mean 2: β = 1, 1 → z = (1 + 3)/2 = 2.
    const once = (geomedStart: 'mean' | 'zero') => aggregatorFor({ name: 'geometric-median', geomedIterations: 1, geomedStart });
    expect(runOnce(once('zero'), updatesOf([[1], [3]])).out).toEqual([1.5]);
    expect(runOnce(once('mean'), updatesOf([[1], [3]])).out).toEqual([2]);
  });

  it('a ν above every distance weighs all equally: the mean', () => {
    // 0 1 10 from the mean 11/3: distances 11/3, 8/3, 19/3 all < ν = 10, so β_i = 10 for all → z stays 11/3
    const smooth = aggregatorFor({ name: 'geometric-median', geomedNu: 10 });
    expect(runOnce(smooth, updatesOf([[0], [1], [10]])).out[0]).toBeCloseTo(11 / 3, 6);
  });

  it("ByzFL's defaults (ν = 0.1, T = 3, from 0) give ByzFL's documented example", () => {
    // byzfl.GeometricMedian() on (1,2,3), (4,5,6), (7,8,9) → (3.78788764, 4.78788764, 5.78788764)
    const byzfl = aggregatorFor({ name: 'geometric-median', geomedNu: 0.1, geomedIterations: 3, geomedStart: 'zero' });
    const { out } = runOnce(byzfl, updatesOf([[1, 2, 3], [4, 5, 6], [7, 8, 9]]));
    [3.78788764, 4.78788764, 5.78788764].forEach((x, k) => expect(out[k]).toBeCloseTo(x, 5));
  });
});
