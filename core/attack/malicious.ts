import type { ExperimentConfig } from '../config/schema';
import { rngFor } from '../rng';

/** The malicious clients, drawn once per run from rngFor(seed, 'attack'); empty when attack.kind is 'none'. */
export function maliciousClients(config: ExperimentConfig): ReadonlySet<number> {
  const { kind, count, fraction } = config.attack;
  const n = config.partition.numClients;
  if (kind === 'none') return new Set();
  const k = Math.min(n, count ?? Math.round(fraction * n));
  return new Set(rngFor(config.seed, 'attack').sampleWithoutReplacement(n, k));
}

/** Whether malicious clients attack in `round` (attack.startRound onwards). */
export function attackActive(config: ExperimentConfig, round: number): boolean {
  return config.attack.kind !== 'none' && round >= config.attack.startRound;
}
