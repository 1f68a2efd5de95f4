import { describe, expect, it } from 'vitest';
import { AGGREGATOR_PLUGINS } from './registry';
import { Rng } from '../rng';
import { aggregatorFor, runOnce } from './testing';
import type { WeightedUpdate } from './types';

const N = 20;
const BYZANTINE = 4; // 20 %
const DIM = 50;

/** 20 honest updates μ + 0.1·N(0, I) with μ = (1, −1, 1, …); clients 3, 8, 13, 18 send −20 × their honest update. */
function attackedRound(): { updates: WeightedUpdate[]; honestMean: Float64Array } {
  const rng = new Rng(11, 'test');
  const honestMean = new Float64Array(DIM);
  const updates = Array.from({ length: N }, (_, id) => {
    const delta = Float32Array.from({ length: DIM }, (_, k) => (k % 2 ? -1 : 1) + 0.1 * rng.normal());
    if (id % 5 === 3) for (let k = 0; k < DIM; k++) delta[k] *= -20;
    else for (let k = 0; k < DIM; k++) honestMean[k] += delta[k] / (N - BYZANTINE);
    return { clientId: id, delta, weight: 10 + id };
  });
  return { updates, honestMean };
}

function distance(a: number[], b: Float64Array): number {
  return Math.sqrt(a.reduce((s, x, k) => s + (x - b[k]) ** 2, 0));
}

describe('robust aggregators under 20 % large sign-flipped updates', () => {
  const { updates, honestMean } = attackedRound();
  const scale = Math.sqrt(DIM); // ‖μ‖

  it('moves the mean far from the honest mean', () => {
    // 0.8·μ − 0.2·20·μ = −3.2·μ: about 4.2‖μ‖ away
    const { out } = runOnce(aggregatorFor({ name: 'mean' }), updates);
    expect(distance(out, honestMean)).toBeGreaterThan(3 * scale);
  });

  for (const name of ['median', 'trimmed-mean', 'krum', 'multi-krum', 'bulyan', 'geometric-median'] as const) {
    it(`${name} stays near the honest mean`, () => {
      const { out } = runOnce(aggregatorFor({ name, f: BYZANTINE }), updates);
      expect(distance(out, honestMean)).toBeLessThan(0.1 * scale);
    });
  }

  for (const name of ['median', 'trimmed-mean', 'krum', 'geometric-median'] as const) {
    it(`NNM then ${name} stays near the honest mean`, () => {
      const { out } = runOnce(aggregatorFor({ name, nnm: true, f: BYZANTINE }), updates);
      expect(distance(out, honestMean)).toBeLessThan(0.1 * scale);
    });
  }

  it('NNM alone does not make the mean robust: each attacker mixes in its 3 peers', () => {
    // An attacker's 16 nearest: the 4 attackers + 12 honest → (4·(−20μ) + 12μ)/16 = −4.25μ; honest ones stay ≈ μ.
    // Mean ≈ 0.8μ − 0.2·4.25μ = −0.05μ: about ‖μ‖ from the honest mean.
    const { out } = runOnce(aggregatorFor({ name: 'mean', nnm: true, f: BYZANTINE }), updates);
    expect(distance(out, honestMean)).toBeGreaterThan(0.9 * scale);
  });

  it('Krum, Multi-Krum and Bulyan select none of the attackers', () => {
    for (const name of ['krum', 'multi-krum', 'bulyan'] as const) {
      const { decisions } = runOnce(aggregatorFor({ name, f: BYZANTINE }), updates);
      for (const id of [3, 8, 13, 18]) expect(decisions.get(id)?.selected, `${name} client ${id}`).toBe(false);
    }
  });
});

describe('order invariance', () => {
  const { updates } = attackedRound();
  const shuffled = new Rng(5, 'test').shuffle([...updates]);

  for (const { name } of AGGREGATOR_PLUGINS) {
    for (const nnm of [false, true]) {
      it(`${name}${nnm ? ' after NNM' : ''} gives bitwise the same result for any arrival order`, () => {
        const config = { name, nnm, f: BYZANTINE, normBoundNoise: 0.01 };
        const a = runOnce(aggregatorFor(config), updates).out;
        const b = runOnce(aggregatorFor(config), shuffled).out;
        expect(b).toEqual(a);
      });
    }
  }
});
