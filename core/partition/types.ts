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
