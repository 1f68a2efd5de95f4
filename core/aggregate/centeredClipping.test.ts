import { describe, expect, it } from 'vitest';
import { aggregatorFor, runOnce, updatesOf } from './testing';

describe('centered clipping', () => {
  it('keeps its state across rounds: v₀ of round 2 is the aggregate of round 1', () => {
    const agg = aggregatorFor({ name: 'centered-clipping', clipTau: 1, clipIterations: 1 });
    // Round 1, v₀ = 0: (6,8) has norm 10 → scaled to (0.6,0.8); (0.3,−0.2) and (0.3,0.3) are within τ = 1.
    // v = ((0.6+0.3+0.3)/3, (0.8−0.2+0.3)/3) = (0.4, 0.3)
    const r1 = runOnce(agg, updatesOf([[6, 8], [0.3, -0.2], [0.3, 0.3]]), 1);
    expect(r1.out[0]).toBeCloseTo(0.4, 6);
    expect(r1.out[1]).toBeCloseTo(0.3, 6);
    expect([0, 1, 2].map((id) => r1.decisions.get(id)?.clipped)).toEqual([true, false, false]);
    // Round 2, v₀ = (0.4, 0.3): x − v₀ = (0,2) → clipped to (0,1); (0.3,0) and (0,−0.6) kept.
    // v = (0.4 + 0.3/3, 0.3 + (1 − 0.6)/3) = (0.5, 0.4333…)
    const r2 = runOnce(agg, updatesOf([[0.4, 2.3], [0.7, 0.3], [0.4, -0.3]]), 2);
    expect(r2.out[0]).toBeCloseTo(0.5, 6);
    expect(r2.out[1]).toBeCloseTo(0.3 + 0.4 / 3, 6);
    // A fresh instance starts from 0 instead: (0.4,2.3) has norm ≈ 2.33 → clipped, a different result.
    const fresh = runOnce(aggregatorFor({ name: 'centered-clipping' }), updatesOf([[0.4, 2.3], [0.7, 0.3], [0.4, -0.3]]), 2);
    expect(fresh.out[0]).not.toBeCloseTo(0.5, 3);
  });

  it('runs L iterations', () => {
    // 1-D, τ = 1, v₀ = 0, x = 0, 0, 10. l = 1: steps 0, 0, 1 → v = 1/3.
    // l = 2: x − v = −1/3, −1/3, 29/3 → −1/3, −1/3, 1 → v = 1/3 + (1/3)/3 = 4/9
    const { out } = runOnce(aggregatorFor({ name: 'centered-clipping', clipIterations: 2 }), updatesOf([[0], [0], [10]]));
    expect(out[0]).toBeCloseTo(4 / 9, 6);
  });
});
