import type { LABEL_PARTITIONS } from '../config/schema';
import { dirichlet } from './dirichlet';
import { iid } from './iid';
import type { LabelPartitioner } from './partitioner';
import { pathological } from './pathological';
import { shard } from './shard';

export type LabelPartitionMethod = (typeof LABEL_PARTITIONS)[number];

/** Label-skew methods by their config name (partition.method). */
export const LABEL_PARTITIONERS: Record<LabelPartitionMethod, LabelPartitioner> = {
  iid,
  dirichlet,
  pathological,
  shard,
};
