import { z } from 'zod';
import { ConfigError } from '../config/configError';
import { groupByClass } from '../data/split';
import { param } from '../plugin';
import { apportion } from './apportion';
import { definePartitioner, type PartitionInput } from './types';

/**
 * Shards (McMahan et al. 2017; flwr-datasets ShardPartitioner): sort the train set by label, cut it into
 * numClients·shardsPerClient equal shards and deal them out at random, shardsPerClient per client (quantity skew
 * re-deals the same shards in proportion to the weights, at least one each).
 */
export const shard = definePartitioner({
  name: 'shard',
  label: 'Shards (McMahan)',
  help: 'Sort the train set by label, cut it into equal shards and deal each client shardsPerClient of them (McMahan et al. 2017; flwr-datasets ShardPartitioner).',
  params: {
    shardsPerClient: param(z.number().int().min(1).max(20).default(2), {
      label: 'Shards per client',
      help: 'Label-sorted shards each client receives (McMahan et al. 2017).',
    }),
  },
  create: (params) => (input) => shardSplit(params, input),
});

function shardSplit(
  { shardsPerClient: perClient }: { shardsPerClient: number },
  { labels, numClasses, weights, rng }: PartitionInput,
): Int32Array[] {
  const numClients = weights.length;
  const numShards = numClients * perClient;
  if (numShards > labels.length) {
    throw new ConfigError([
      {
        path: 'partition.shardsPerClient',
        message:
          `${numClients} clients × ${perClient} shards = ${numShards} shards is more than the ` +
          `${labels.length} training examples: lower partition.shardsPerClient or partition.numClients`,
      },
    ]);
  }
  // Sorted by label; random order inside each class, so a shard is a random sample of its class(es).
  const sorted = new Int32Array(labels.length);
  let pos = 0;
  for (const members of groupByClass(labels, numClasses)) {
    sorted.set(rng.shuffle(members), pos);
    pos += members.length;
  }
  const shardSizes = apportion(labels.length, new Float64Array(numShards).fill(1));
  const shardStarts = new Int32Array(numShards);
  for (let s = 1; s < numShards; s++) shardStarts[s] = shardStarts[s - 1] + shardSizes[s - 1];
  const dealOrder = rng.shuffle(Int32Array.from({ length: numShards }, (_, s) => s));
  const shardsPerClient = apportion(numShards, weights, 1);

  let next = 0;
  return Array.from(shardsPerClient, (count) => {
    const mine = dealOrder.subarray(next, next + count);
    next += count;
    const indices = new Int32Array(mine.reduce((n, s) => n + shardSizes[s], 0));
    let at = 0;
    for (const s of mine) {
      indices.set(sorted.subarray(shardStarts[s], shardStarts[s] + shardSizes[s]), at);
      at += shardSizes[s];
    }
    return indices;
  });
}
