import type { z } from 'zod';
import type { Plugin } from '../plugin';
import type { Rng } from '../rng';

export interface PartitionStats {
  /** counts[client][class] = number of that client's examples with that label. */
  counts: number[][];
  /** Examples per client. */
  sizes: number[];
  /** Hellinger distance of each client's label distribution to the global one (0 = same, 1 = disjoint). */
  hellinger: number[];
  /** Mean of `hellinger`: the skew measure shown to users. */
  meanHellinger: number;
}

export interface Partition {
  /** clients[c] = indices into the train set held by client c (sorted ascending). */
  clients: Int32Array[];
  stats: PartitionStats;
}

/**
 * A per-client input transform (feature skew), applied in place to a batch of `count` examples laid out row-major in
 * `x`. Deterministic per client: the same client always sees the same transform.
 */
export type FeatureTransform = (x: Float32Array, count: number) => void;

/** What the run gives every label partitioner besides its own parameters. */
export interface PartitionInput {
  /** Labels of the train set. */
  labels: Int32Array;
  numClasses: number;
  /** Relative client sizes from quantity skew, one per client (all equal when quantitySkew = 0). */
  weights: Float64Array;
  /** partition.quantitySkew, which `weights` already applies: for messages that name it as the fix. */
  quantitySkew: number;
  rng: Rng;
}

/** A label split: gives each of weights.length clients a list of train indices (any order, no index twice). */
export type LabelSplit = (input: PartitionInput) => Int32Array[];

/**
 * A label partitioner: partition.method selects one. `create` returns its split from its own parameters; quantity
 * skew (the weights), feature skew and the number of clients are the partition section's own and apply to any.
 */
export type PartitionerPlugin<Params extends z.ZodRawShape = z.ZodRawShape> = Plugin<Params, LabelSplit, void>;

/** Identity, so a plugin's `create` gets its parameters' types (and its name stays a literal). */
export const definePartitioner = <const Name extends string, Params extends z.ZodRawShape>(
  plugin: PartitionerPlugin<Params> & { name: Name },
) => plugin;
