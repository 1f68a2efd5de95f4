import { ConfigError } from '../config/configError';
import type { ExperimentConfig } from '../config/schema';
import { datasetPlugin } from '../data/registry';
import { findPlugin } from '../plugin';
import { rngFor } from '../rng';
import { quantitySkewWeights } from './quantitySkew';
import { PARTITIONER_PLUGINS } from './registry';
import { partitionStats } from './stats';
import type { Partition } from './types';

/**
 * Splits the train set (given by its labels) among config.partition.numClients clients with the configured label
 * method and quantity skew, seeded by rngFor(seed, 'partition'). Pure and fast enough to redraw on every slider move.
 */
export function partitionData(config: ExperimentConfig, labels: Int32Array, numClasses: number): Partition {
  const options = config.partition;
  if (options.numClients > labels.length) {
    throw new ConfigError([
      {
        path: 'partition.numClients',
        message:
          `${options.numClients} clients but only ${labels.length} training examples: lower partition.numClients` +
          ('numSamples' in datasetPlugin(config.data.dataset).params ? ' or raise data.numSamples' : ''),
      },
    ]);
  }
  const split = findPlugin(PARTITIONER_PLUGINS, options.method, 'partition method').create(options as never);
  const clients = split({
    labels,
    numClasses,
    // Quantity skew enters as per-client weights: every label method splits what it hands out in proportion to them.
    weights: quantitySkewWeights(options.numClients, options.quantitySkew),
    quantitySkew: options.quantitySkew,
    rng: rngFor(config.seed, 'partition'),
  });
  for (const indices of clients) indices.sort();
  return { clients, stats: partitionStats(clients, labels, numClasses) };
}
