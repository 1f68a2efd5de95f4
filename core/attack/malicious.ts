import type { ExperimentConfig } from '../config/schema';
import { rngFor } from '../rng';

/** How many clients are malicious when an attack runs: attack.count, or round(fraction · clients); at most all. */
export function maliciousCount({ attack, partition }: ExperimentConfig): number {
  return Math.min(partition.numClients, attack.count ?? Math.round(attack.fraction * partition.numClients));
}

/** The malicious clients, drawn once per run from rngFor(seed, 'attack'); empty when attack.kind is 'none'. */
export function maliciousClients(config: ExperimentConfig): ReadonlySet<number> {
  if (config.attack.kind === 'none') return new Set();
  return new Set(rngFor(config.seed, 'attack').sampleWithoutReplacement(config.partition.numClients, maliciousCount(config)));
}

/** Whether malicious clients attack in `round` (attack.startRound onwards). */
export function attackActive(config: ExperimentConfig, round: number): boolean {
  return config.attack.kind !== 'none' && round >= config.attack.startRound;
}
