import { describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig } from '../config/schema';
import { optIpm } from './optIpm';
import { poisonUpdates } from './poisonUpdates';
import type { ModelAttackContext } from './types';

const attack = (extra: object = {}) => ({ ...defaultConfig().attack, kind: 'opt-ipm' as const, ...extra });
const own = Float32Array.of(0);

describe('opt-ipm', () => {
  it('against a rule that lets its update through, the search only ends with its budget: τ = 10·(2¹⁹ − 1)', () => {
    // Honest [1, 2] and [3, 6], mean μ = [2, 4]; one attacker; the mean of the three moves by −(1 + τ)μ/3, growing in τ.
    const honest = [Float32Array.of(1, 2), Float32Array.of(3, 6)];
    const aggregate = (b: Float32Array) => Float32Array.from([0, 1].map((k) => (honest[0][k] + honest[1][k] + b[k]) / 3));
    const ctx: ModelAttackContext = { seed: 1, round: 1, numUpdates: 3, numMalicious: 1, honest, serverLr: 1, attack: attack(), aggregate };
    expect([...optIpm.forge(own, 2, ctx)]).toEqual([-2 * 5_242_870, -4 * 5_242_870]);
  });

  it('finds the largest τ a rule still accepts: 0, 10 ✓, 30 ✗, 26 ✗, 22.8 ✓, 33.04 ✗', () => {
    // Honest [0] and [2] (μ = 1). A rule that takes the attacker's −τ while within 25 of μ (τ ≤ 24), else μ.
    const honest = [Float32Array.of(0), Float32Array.of(2)];
    const aggregate = (b: Float32Array) => (Math.abs(b[0] - 1) <= 25 ? b : Float32Array.of(1));
    const ctx: ModelAttackContext = {
      ...{ seed: 1, round: 1, numUpdates: 3, numMalicious: 1, honest, serverLr: 1 },
      attack: attack({ optEvals: 6 }),
      aggregate,
    };
    expect([...optIpm.forge(own, 2, ctx)]).toEqual([Math.fround(-22.8)]);
  });

  it('searches once per round for all its clients, against the configured aggregator of the round', () => {
    const updates = [[1], [2], [3], [9], [9]].map((d, clientId) => ({ clientId, delta: Float32Array.from(d) }));
    const config = parseConfig({ attack: { kind: 'opt-ipm' } });
    // Weighted mean (weight 1 each) of [1], [2], [3] and two copies of −2τ: unbounded, τ = 10·(2¹⁹ − 1).
    const out = poisonUpdates(config, 1, updates, new Set([3, 4]));
    expect(out.map((u) => u.delta[0])).toEqual([1, 2, 3, -2 * 5_242_870, -2 * 5_242_870]);

    let calls = 0;
    const honest = [Float32Array.of(1)];
    const round = { round: 1, numUpdates: 3, numMalicious: 2, honest, serverLr: 1, aggregate: (b: Float32Array) => (calls++, b) };
    const { forge } = optIpm.create(attack({ optEvals: 7 }), { seed: 1 });
    if (!forge) throw new Error('opt-ipm forges updates');
    const first = forge(own, 1, round);
    expect([...forge(own, 2, round)]).toEqual([...first]);
    expect(calls).toBe(7);
  });

  it('needs the round’s aggregate', () => {
    const ctx: ModelAttackContext = { seed: 1, round: 1, numUpdates: 2, numMalicious: 1, honest: [own], serverLr: 1, attack: attack() };
    expect(() => optIpm.forge(own, 1, ctx)).toThrow('opt-ipm attack searches against the round');
  });
});
