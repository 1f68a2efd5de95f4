import type { ExperimentConfig } from '../config/schema';
import { attackActive } from './malicious';
import { MODEL_ATTACKS } from './registry';
import { serverLearningRate } from '../strategy/serverLr';

/**
 * Replaces the malicious clients' deltas by the forged ones for this round's model-poisoning attack (between
 * collecting the updates and aggregating them). Returns the input unchanged when no model attack applies.
 */
export function poisonUpdates<T extends { clientId: number; delta: Float32Array }>(
  config: ExperimentConfig,
  round: number,
  updates: readonly T[],
  malicious: ReadonlySet<number>,
): readonly T[] {
  const attack = MODEL_ATTACKS[config.attack.kind];
  if (!attack || !attackActive(config, round)) return updates;
  const bad = updates.filter((u) => malicious.has(u.clientId));
  if (bad.length === 0) return updates;
  const good = updates.filter((u) => !malicious.has(u.clientId));
  // With no honest client in the round, omniscient attackers fall back to their own honestly computed updates.
  const honest = (attack.omniscient(config.attack) ? (good.length > 0 ? good : bad) : []).map((u) => u.delta);
  const ctx = {
    seed: config.seed,
    round,
    numUpdates: updates.length,
    numMalicious: bad.length,
    honest,
    serverLr: serverLearningRate(config),
    attack: config.attack,
  };
  return updates.map((u) => (malicious.has(u.clientId) ? { ...u, delta: attack.forge(u.delta, u.clientId, ctx) } : u));
}
