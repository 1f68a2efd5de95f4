import { describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig } from '../config/schema';
import { mimic } from './mimic';
import { poisonUpdates } from './poisonUpdates';
import type { ModelAttackContext } from './types';

// Three honest updates of the round, in client-id order.
const honest = [Float32Array.of(1, 2), Float32Array.of(3, 4), Float32Array.of(5, 6)];
const own = Float32Array.of(-9, -9);

function ctx(mimicIndex?: number): ModelAttackContext {
  const attack = { ...defaultConfig().attack, kind: 'mimic' as const, mimicIndex };
  return { seed: 1, round: 1, numUpdates: 5, numMalicious: 2, honest, serverLr: 1, attack };
}

describe('mimic', () => {
  it('copies the first honest update by default (ByzFL: ε = 0)', () => {
    const out = mimic.forge(own, 7, ctx());
    expect([...out]).toEqual([1, 2]);
    expect(out).not.toBe(honest[0]); // a copy: the pipeline may change it without touching the honest one
  });

  it('copies the ε-th honest update, wrapping when the round has fewer (ε = 4 of 3 → the 2nd)', () => {
    expect([...mimic.forge(own, 7, ctx(2))]).toEqual([5, 6]);
    expect([...mimic.forge(own, 7, ctx(4))]).toEqual([3, 4]);
  });

  it('is omniscient: in a round every malicious client sends the chosen honest client’s update', () => {
    const updates = [0, 1, 2, 3].map((clientId) => ({ clientId, delta: Float32Array.of(clientId, 10 * clientId) }));
    const config = parseConfig({ attack: { kind: 'mimic', mimicIndex: 1 } });
    // Malicious 0 and 2; honest 1 and 3 in id order → ε = 1 is client 3's [3, 30].
    const out = poisonUpdates(config, 1, updates, new Set([0, 2]));
    expect(out.map((u) => [...u.delta])).toEqual([[3, 30], [1, 10], [3, 30], [3, 30]]);
  });
});
