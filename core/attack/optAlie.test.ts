import { describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig } from '../config/schema';
import { optAlie } from './optAlie';
import { poisonUpdates } from './poisonUpdates';
import type { ModelAttackContext } from './types';

describe('opt-alie', () => {
  // Honest [1], [2], [3]: mean 2, std (ddof 1) 1; two attackers send 2 + τ.
  const honest = [Float32Array.of(1), Float32Array.of(2), Float32Array.of(3)];

  it('against the median of five, stops at the first τ that moves it: 10 (median 3), as 30, 26, 22.8, … do no better', () => {
    const median = (b: Float32Array) => Float32Array.of([...honest.map((h) => h[0]), b[0], b[0]].sort((x, y) => x - y)[2]);
    const attack = { ...defaultConfig().attack, kind: 'opt-alie' as const };
    const ctx: ModelAttackContext = { seed: 1, round: 1, numUpdates: 5, numMalicious: 2, honest, serverLr: 1, attack, aggregate: median };
    expect([...optAlie.forge(Float32Array.of(0), 3, ctx)]).toEqual([12]);
  });

  it('searches against the configured aggregator: aggregator.name = median', () => {
    const updates = [1, 2, 3, -5, -5].map((d, clientId) => ({ clientId, delta: Float32Array.of(d), numExamples: 10 }));
    const config = parseConfig({ aggregator: { name: 'median' }, attack: { kind: 'opt-alie' } });
    const out = poisonUpdates(config, 1, updates, new Set([3, 4]));
    expect(out.map((u) => u.delta[0])).toEqual([1, 2, 3, 12, 12]);
  });

  it('against the mean, grows τ for the whole budget: 2 + 10·(2¹⁹ − 1)', () => {
    const updates = [1, 2, 3, -5].map((d, clientId) => ({ clientId, delta: Float32Array.of(d) }));
    const out = poisonUpdates(parseConfig({ attack: { kind: 'opt-alie' } }), 1, updates, new Set([3]));
    expect(out[3].delta[0]).toBe(2 + 5_242_870);
  });
});
