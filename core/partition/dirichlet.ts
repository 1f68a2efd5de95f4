import { z } from 'zod';
import { ConfigError } from '../config/configError';
import { groupByClass } from '../data/split';
import { param } from '../plugin';
import { apportion } from './apportion';
import { distributeClasses } from './distributeClasses';
import { definePartitioner, type PartitionInput } from './types';

const MAX_TRIES = 10;

/**
 * Dirichlet label skew (flwr-datasets DirichletPartitioner, self_balancing = False): per class, client shares
 * ~ Dir(α), times the quantity-skew weights; resampled until every client has ≥ minPartitionSize examples.
 */
export const dirichlet = definePartitioner({
  name: 'dirichlet',
  label: 'Dirichlet(α)',
  help: 'Per class, client shares ~ Dir(α): small α = few classes per client, large α ≈ IID (Hsu et al. 2019; flwr-datasets DirichletPartitioner).',
  params: {
    alpha: param(z.number().min(0.001).max(1_000).default(0.5), {
      label: 'Dirichlet α',
      help: 'Concentration: small α = each client sees few classes (strong skew), large α ≈ IID.',
      log: true,
    }),
    minPartitionSize: param(z.number().int().min(0).max(1_000).default(10), {
      label: 'Min client size',
      help: 'Dirichlet draws are resampled until every client has at least this many examples.',
    }),
  },
  create: (params) => (input) => dirichletSplit(params, input),
});

function dirichletSplit(
  { alpha, minPartitionSize }: { alpha: number; minPartitionSize: number },
  { labels, numClasses, weights, quantitySkew, rng }: PartitionInput,
): Int32Array[] {
  const numClients = weights.length;
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const smallestExpected = (labels.length * Math.min(...weights)) / totalWeight;
  if (smallestExpected < minPartitionSize) {
    throw new ConfigError([
      quantitySkew > 0
        ? {
            path: 'partition.quantitySkew',
            message:
              `quantity skew ${quantitySkew} leaves the smallest of ${numClients} clients about ` +
              `${smallestExpected.toFixed(1)} of ${labels.length} examples, below minPartitionSize=${minPartitionSize}: ` +
              'lower partition.quantitySkew or partition.minPartitionSize',
          }
        : {
            path: 'partition.minPartitionSize',
            message:
              `${numClients} clients × ${minPartitionSize} examples exceeds the ${labels.length} training examples: ` +
              'lower partition.minPartitionSize or partition.numClients',
          },
    ]);
  }
  const byClass = groupByClass(labels, numClasses);
  const shares = new Float64Array(numClients);
  const sizes = new Int32Array(numClients);
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const counts = byClass.map((members) => {
      const p = rng.dirichlet(alpha, numClients);
      for (let k = 0; k < numClients; k++) shares[k] = p[k] * weights[k];
      return apportion(members.length, shares);
    });
    sizes.fill(0);
    for (const perClient of counts) for (let k = 0; k < numClients; k++) sizes[k] += perClient[k];
    if (sizes.every((size) => size >= minPartitionSize)) return distributeClasses(byClass, counts, rng);
  }
  const hint = quantitySkew > 0 ? ', lower partition.quantitySkew' : '';
  throw new ConfigError([
    {
      path: 'partition.alpha',
      message:
        `Dirichlet(α=${alpha}) left some client below minPartitionSize=${minPartitionSize} examples in ` +
        `${MAX_TRIES} tries: raise partition.alpha, lower partition.minPartitionSize${hint} or partition.numClients`,
    },
  ]);
}
