import type { ExperimentConfig } from '../config/schema';
import type { Rng } from '../rng';

export type PartitionOptions = ExperimentConfig['partition'];

export interface PartitionInput {
  /** Labels of the train set. */
  labels: Int32Array;
  numClasses: number;
  /** Relative client sizes from quantity skew, one per client (all equal when quantitySkew = 0). */
  weights: Float64Array;
  options: PartitionOptions;
  rng: Rng;
}

/** A label-skew method: gives each of weights.length clients a list of train indices (any order, no index twice). */
export type LabelPartitioner = (input: PartitionInput) => Int32Array[];
