import { describe, expect, it } from 'vitest';
import { rngFor } from '../rng';
import { l2Norm } from '../math/vector';
import { aggregatorFor, runOnce, updatesOf } from './testing';

describe('norm bounding', () => {
  it('clips each update to norm M, then takes the unweighted mean', () => {
    // M = 1: (3,4) → (0.6,0.8); (0.3,0.4) has norm 0.5, kept → ((0.6+0.3)/2, (0.8+0.4)/2)
    const updates = updatesOf([[3, 4], [0.3, 0.4]]);
    updates[0].weight = 100; // weights are ignored
    const { out, decisions } = runOnce(aggregatorFor({ name: 'norm-bound', normBound: 1 }), updates);
    expect(out[0]).toBeCloseTo(0.45, 6);
    expect(out[1]).toBeCloseTo(0.6, 6);
    expect([0, 1].map((id) => decisions.get(id)?.clipped)).toEqual([true, false]);
  });

  it('a clipped update has norm exactly M (to float32 precision)', () => {
    const { out } = runOnce(aggregatorFor({ name: 'norm-bound', normBound: 2 }), updatesOf([[30, 40, 0, -12]]));
    expect(l2Norm(Float32Array.from(out))).toBeCloseTo(2, 6);
    // direction kept: (30, 40, 0, −12)/√2644 · 2
    expect(out[0] / out[1]).toBeCloseTo(0.75, 6);
  });

  it('adds σ·N(0,1) per coordinate from the seeded norm-bound-noise stream of the round', () => {
    const updates = updatesOf([[0.1, 0.2, 0.3]]);
    const { out } = runOnce(aggregatorFor({ name: 'norm-bound', normBound: 1, normBoundNoise: 0.01 }, 7), updates, 5);
    const rng = rngFor(7, 'norm-bound-noise', 5);
    [0.1, 0.2, 0.3].forEach((x, k) => expect(out[k]).toBeCloseTo(x + 0.01 * rng.normal(), 6));
    const other = runOnce(aggregatorFor({ name: 'norm-bound', normBound: 1, normBoundNoise: 0.01 }, 7), updates, 6);
    expect(other.out).not.toEqual(out);
  });
});
