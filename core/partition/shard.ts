import { ConfigError } from '../config/schema';
import { groupByClass } from '../data/split';
import { apportion } from './apportion';
import type { LabelPartitioner } from './partitioner';

/**
 * Shards (McMahan et al. 2017; flwr-datasets ShardPartitioner): sort the train set by label, cut it into
 * numClients·shardsPerClient equal shards and deal them out at random, shardsPerClient per client (quantity skew
 * re-deals the same shards in proportion to the weights, at least one each).
 */
export const shard: LabelPartitioner = ({ labels, numClasses, weights, options, rng }) => {
  const numClients = weights.length;
  const numShards = numClients * options.shardsPerClient;
  if (numShards > labels.length) {
    throw new ConfigError([
      {
        path: 'partition.shardsPerClient',
        message:
          `${numClients} clients × ${options.shardsPerClient} shards = ${numShards} shards is more than the ` +
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
};
