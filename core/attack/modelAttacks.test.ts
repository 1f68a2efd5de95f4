import { describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig } from '../config/schema';
import { rngFor } from '../rng';
import { alie, alieZ } from './alie';
import { freeRider } from './freeRider';
import { gaussian } from './gaussian';
import { ipm } from './ipm';
import { normalQuantile } from './normalQuantile';
import { poisonUpdates } from './poisonUpdates';
import { scaling } from './scaling';
import { signFlip } from './signFlip';
import type { AttackConfig, ModelAttackContext } from './types';

// Honest updates [1, 2] and [3, 6]: mean [2, 4], sample std (ddof 1) [√2, 2√2].
const honest = [new Float32Array([1, 2]), new Float32Array([3, 6])];
const own = new Float32Array([1, -0.5]);

function ctx(attack: Partial<AttackConfig>, extra: Partial<ModelAttackContext> = {}): ModelAttackContext {
  return {
    seed: 7,
    round: 3,
    numUpdates: 10,
    numMalicious: 2,
    honest,
    serverLr: 1,
    attack: { ...defaultConfig().attack, ...attack },
    ...extra,
  };
}

describe('model-poisoning attacks', () => {
  it('sign flip sends −s · own update, or −s · mean(honest) when omniscient', () => {
    expect([...signFlip.forge(own, 0, ctx({ signFlipScale: 2 }))]).toEqual([-2, 1]);
    expect([...signFlip.forge(own, 0, ctx({ signFlipOmniscient: true }))]).toEqual([-2, -4]);
    expect(signFlip.omniscient(ctx({}).attack)).toBe(false);
  });

  it('IPM sends −ε · mean(honest)', () => {
    expect([...ipm.forge(own, 0, ctx({ ipmEpsilon: 0.5 }))]).toEqual([-1, -2]);
  });

  it('ALIE sends mean + z · std (ddof 1)', () => {
    const out = alie.forge(own, 0, ctx({ alieZ: 1 }));
    expect(out[0]).toBeCloseTo(2 + Math.SQRT2, 5);
    expect(out[1]).toBeCloseTo(4 + 2 * Math.SQRT2, 5);
  });

  it("ALIE's z follows Baruch et al.: n = 20, f = 4 → s = 7, z = Φ⁻¹(9/16); n = 10, f = 2 → z = Φ⁻¹(1/2) = 0", () => {
    expect(alieZ(20, 4)).toBeCloseTo(0.157311, 5);
    expect(alieZ(10, 2)).toBeCloseTo(0, 9);
    // unset z uses n and f from the round: n = 10, f = 2 → the mean itself
    expect([...alie.forge(own, 0, ctx({}))]).toEqual([2, 4]);
  });

  it('Φ⁻¹ matches tabulated quantiles', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 5);
    expect(normalQuantile(0.999)).toBeCloseTo(3.090232, 5);
    expect(() => normalQuantile(1)).toThrow('(0, 1)');
  });

  it('scaling boosts by γ, by default n/η (model replacement)', () => {
    expect([...scaling.forge(own, 0, ctx({ scalingGamma: 3 }))]).toEqual([3, -1.5]);
    expect([...scaling.forge(own, 0, ctx({}, { numUpdates: 8, serverLr: 0.5 }))]).toEqual([16, -8]);
  });

  it('Gaussian draws σ · N(0, 1) from the attack-noise stream of (round, client)', () => {
    const rng = rngFor(7, 'attack-noise', 3, 5);
    const expected = [2 * rng.normal(), 2 * rng.normal()].map(Math.fround);
    expect([...gaussian.forge(own, 5, ctx({ gaussianStd: 2 }))]).toEqual(expected);
  });

  it('free-riders send U(−1e-3, 1e-3) noise from the attack-noise stream', () => {
    const rng = rngFor(7, 'attack-noise', 3, 5);
    const expected = [1e-3 * (2 * rng.float() - 1), 1e-3 * (2 * rng.float() - 1)].map(Math.fround);
    const out = freeRider.forge(own, 5, ctx({}));
    expect([...out]).toEqual(expected);
    for (const v of out) expect(Math.abs(v)).toBeLessThanOrEqual(1e-3);
  });
});

describe('poisonUpdates', () => {
  const updates = [
    { clientId: 0, delta: new Float32Array([1, 2]) },
    { clientId: 1, delta: new Float32Array([9, 9]) },
    { clientId: 2, delta: new Float32Array([3, 6]) },
  ];
  const config = (attack: Record<string, unknown>) => parseConfig({ attack });

  it('forges only the malicious updates; omniscient attacks see only the honest ones', () => {
    const out = poisonUpdates(config({ kind: 'ipm', ipmEpsilon: 1 }), 1, updates, new Set([1]));
    expect(out[0]).toBe(updates[0]);
    expect(out[2]).toBe(updates[2]);
    expect([...out[1].delta]).toEqual([-2, -4]);
  });

  it('leaves the round alone before startRound, for data-poisoning kinds and without attackers', () => {
    expect(poisonUpdates(config({ kind: 'sign-flip', startRound: 3 }), 2, updates, new Set([1]))).toBe(updates);
    expect(poisonUpdates(config({ kind: 'backdoor' }), 1, updates, new Set([1]))).toBe(updates);
    expect(poisonUpdates(config({ kind: 'sign-flip' }), 1, updates, new Set([7]))).toBe(updates);
  });

  it('model replacement uses γ = n/η with the strategy’s η (FedAvg 1, FedAdam default 0.1)', () => {
    const boost = (strategy: object) =>
      poisonUpdates(parseConfig({ strategy, attack: { kind: 'scaling' } }), 1, updates, new Set([0]))[0].delta[0];
    expect(boost({ name: 'fedavg', serverLr: 0.5 })).toBe(3);
    expect(boost({ name: 'fedadam' })).toBeCloseTo(30, 4);
    expect(boost({ name: 'fedavgm', serverLr: 2 })).toBe(1.5);
  });

  it('omniscient attackers fall back to their own honest updates when the round has no honest client', () => {
    const out = poisonUpdates(config({ kind: 'ipm', ipmEpsilon: 1 }), 1, updates.slice(0, 1), new Set([0]));
    expect([...out[0].delta]).toEqual([-1, -2]);
  });
});
