import { createAggregator } from '../aggregate/registry';
import type { ExperimentConfig } from '../config/schema';
import { serverLearningRate } from '../strategy/serverLr';
import { attackActive } from './malicious';
import { createAttack } from './registry';
import type { RoundView } from './types';

/** An update as the engine holds it; numExamples is its weight under the weighted mean (1 if absent). */
interface Update {
  clientId: number;
  delta: Float32Array;
  numExamples?: number;
}

/**
 * Replaces the malicious clients' deltas by the forged ones for this round's model-poisoning attack (between
 * collecting the updates and aggregating them). Returns the input unchanged when no model attack applies.
 * `global` is the model the round started from, passed to the aggregator an omniscient attack searches against.
 */
export function poisonUpdates<T extends Update>(
  config: ExperimentConfig,
  round: number,
  updates: readonly T[],
  malicious: ReadonlySet<number>,
  global?: Float32Array,
): readonly T[] {
  const attack = createAttack(config.attack, { seed: config.seed });
  if (!attack.forge || !attackActive(config, round)) return updates;
  const bad = updates.filter((u) => malicious.has(u.clientId));
  if (bad.length === 0) return updates;
  const good = updates.filter((u) => !malicious.has(u.clientId));
  // With no honest client in the round, omniscient attackers fall back to their own honestly computed updates.
  const honest = (attack.omniscient ? (good.length > 0 ? good : bad) : []).map((u) => u.delta);
  const view: RoundView = {
    round,
    numUpdates: updates.length,
    numMalicious: bad.length,
    honest,
    serverLr: serverLearningRate(config),
    ...(attack.omniscient && { aggregate: (byzantine: Float32Array) => simulate(config, round, updates, malicious, byzantine, global) }),
  };
  const forge = attack.forge;
  return updates.map((u) => (malicious.has(u.clientId) ? { ...u, delta: forge(u.delta, u.clientId, view) } : u));
}

/**
 * What the configured aggregator (behind its pre-aggregators) makes of the round if every malicious client sent
 * `byzantine`. A fresh instance each time, from the run's seed: the run's own keeps state across rounds (centered
 * clipping starts from the previous aggregate, here from 0) and reports its decisions to the studio. The uplink's
 * compression and DP are not simulated (ByzFL's optimal attacks see the aggregator alone too).
 */
function simulate(
  config: ExperimentConfig,
  round: number,
  updates: readonly Update[],
  malicious: ReadonlySet<number>,
  byzantine: Float32Array,
  global: Float32Array = new Float32Array(byzantine.length),
): Float32Array {
  const aggregator = createAggregator(config.aggregator, { seed: config.seed });
  const weighted = updates.map((u) => ({
    clientId: u.clientId,
    delta: malicious.has(u.clientId) ? byzantine : u.delta,
    weight: u.numExamples ?? 1,
  }));
  return aggregator.aggregate(weighted, { round, global });
}
