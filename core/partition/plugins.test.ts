import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { defaultConfig, parseConfig, partitionSchema } from '../config/schema';
import { paramMeta } from '../plugin';
import { Rng, rngFor } from '../rng';
import { partitionData } from './partition';
import { quantitySkewWeights } from './quantitySkew';
import { PARTITIONER_PLUGINS } from './registry';
import { shard } from './shard';

const LABELS = new Rng(7).shuffle(Int32Array.from({ length: 2_000 }, (_, i) => i % 10));

describe('partitioner plugins', () => {
  it('are chosen by partition.method, beside the section’s own fields, with the defaults unchanged', () => {
    expect(partitionSchema.unwrap().shape.method.unwrap().options).toEqual(PARTITIONER_PLUGINS.map((p) => p.name));
    expect(defaultConfig().partition).toEqual({
      numClients: 20,
      method: 'iid',
      alpha: 0.5,
      minPartitionSize: 10,
      classesPerClient: 2,
      shardsPerClient: 2,
      quantitySkew: 0,
      featureSkew: 'none',
      featureSkewStrength: 0.5,
    });
  });

  it('describe every field for the studio and name their source', () => {
    for (const [key, schema] of Object.entries(partitionSchema.unwrap().shape)) {
      expect(paramMeta.get(schema as z.ZodType)?.label, key).toBeTruthy();
    }
    for (const plugin of PARTITIONER_PLUGINS) expect(plugin.help, plugin.name).toMatch(/flwr-datasets/);
  });

  it('split from their own parameters alone, as partitionData does with the config', () => {
    const split = shard.create({ shardsPerClient: 3 });
    const weights = quantitySkewWeights(10, 1);
    const clients = split({ labels: LABELS, numClasses: 10, weights, quantitySkew: 1, rng: rngFor(5, 'partition') });
    const config = parseConfig({ seed: 5, partition: { method: 'shard', shardsPerClient: 3, numClients: 10, quantitySkew: 1 } });
    expect(partitionData(config, LABELS, 10).clients).toEqual(clients.map((c) => c.sort()));
  });
});
