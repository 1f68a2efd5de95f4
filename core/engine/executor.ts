// The contract between the round engine and whatever runs client work: in this process (tests) or on a pool of
// workers (workers/). The engine sends tasks and receives updates in task order.
import type { ExperimentConfig } from '../config/schema';
import type { PartitionStats } from '../partition/types';

/** One unit of client work: train the global model on client `clientId`'s data. */
export interface ClientTask {
  round: number;
  clientId: number;
  /** Global parameters (flat). Sent as a transferable copy per task. */
  weights: Float32Array;
  /** Fraction of the configured local steps to run (1 normally, less for a partial straggler). */
  workFraction: number;
}

/** What a client sends back. */
export interface ClientUpdate {
  round: number;
  clientId: number;
  /** Δ = w_local − w_global (flat). */
  delta: Float32Array;
  numExamples: number;
  trainLoss: number;
  trainAccuracy: number;
  /** Federated evaluation: the received global model's accuracy and loss on this client's own data (NaN if off). */
  localAccuracy: number;
  localLoss: number;
  /** Local SGD steps actually run. */
  steps: number;
}

export interface EvalResult {
  accuracy: number;
  loss: number;
}

/** A client whose task the executor had to run again, or gave up on: its worker died or went silent. */
export interface ClientFault {
  clientId: number;
  reason: string;
}

/** What an executor returns for a round's tasks. */
export interface TrainResult {
  /** The updates received, in task order. */
  updates: ClientUpdate[];
  /** Clients trained again on a fresh worker after theirs was lost (same inputs, so the same update). */
  retried: ClientFault[];
  /** Clients lost on two workers in a row: they count as dropouts this round. */
  lost: ClientFault[];
}

export interface RuntimeInfo {
  backend: 'wasm' | 'cpu';
  simd: boolean;
}

/** Runs client work somewhere: in this process (tests) or on a pool of workers. */
export interface Executor {
  /** Loads data, partitions and builds the model in every worker. Must be called before anything else. */
  prepare(config: ExperimentConfig): Promise<RuntimeInfo & { workers: number }>;
  /** The initial global model of the prepared config: initParams(spec, rngFor(seed, 'init')). */
  initialWeights(): Promise<Float32Array>;
  /** Partition statistics of the prepared config (sizes, per-class counts, skew). */
  partitionStats(): Promise<PartitionStats>;
  /**
   * Runs the tasks, possibly in parallel. `onDone` fires as each finishes (in completion order, for progress
   * only); the updates come back in task order.
   */
  train(tasks: ClientTask[], onDone?: (update: ClientUpdate) => void): Promise<TrainResult>;
  /** Centralized evaluation of `weights` on the test set. */
  evaluate(weights: Float32Array): Promise<EvalResult>;
  /** Attack success of `weights` on the test set (ClientRuntime.attackSuccess); NaN when the attack has no target. */
  attackSuccess?(weights: Float32Array): Promise<number>;
  dispose(): Promise<void>;
}
