import type { ExperimentConfig } from '../config/schema';
import { rngFor } from '../rng';

/**
 * Clients per round, as Flower: max(floor(N · fraction_fit), min_fit_clients), at most N. The 1e-9 keeps e.g.
 * 100 · 0.29 = 28.999…96 from flooring to 28.
 */
export function clientsPerRound(config: ExperimentConfig): number {
  const n = config.partition.numClients;
  return Math.min(n, Math.max(Math.floor(n * config.sampling.fraction + 1e-9), config.sampling.minClients));
}

/** The round's clients: uniform without replacement from rngFor(seed, 'sampling', round), in ascending id order. */
export function sampleClients(config: ExperimentConfig, round: number): number[] {
  const rng = rngFor(config.seed, 'sampling', round);
  return rng.sampleWithoutReplacement(config.partition.numClients, clientsPerRound(config)).sort((a, b) => a - b);
}
