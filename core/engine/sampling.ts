import { clientsPerRound } from '../config/derived';
import { type ExperimentConfig } from '../config/schema';
import { rngFor } from '../rng';

/** The round's clients: uniform without replacement from rngFor(seed, 'sampling', round), in ascending id order. */
export function sampleClients(config: ExperimentConfig, round: number): number[] {
  const rng = rngFor(config.seed, 'sampling', round);
  return rng.sampleWithoutReplacement(config.partition.numClients, clientsPerRound(config)).sort((a, b) => a - b);
}
