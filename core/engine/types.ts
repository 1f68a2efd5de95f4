import type { AggregationDecision } from '../aggregate/types';
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

/** Per client per round, as in the metrics JSON. */
export interface ClientRoundMetrics {
  id: number;
  numExamples: number;
  trainLoss: number;
  localAccuracy: number;
  updateNorm: number;
  dropped: boolean;
  straggler: boolean;
  /** Attack runs only: whether this client is one of the malicious set. */
  malicious?: boolean;
  /** Attack runs only: cosine similarity of the update it sent to the round's aggregate (NaN if either is zero). */
  cosineToAggregate?: number;
  /** Attack runs only: what a robust aggregator did with this client's update. */
  decision?: AggregationDecision;
}

/** One round, as in the metrics JSON. Round 0 is the initial model (no clients). */
export interface RoundMetrics {
  round: number;
  testAccuracy: number;
  testLoss: number;
  /** Weighted mean of the sampled clients' localAccuracy (NaN when federated evaluation is off or round 0). */
  federatedAccuracy: number;
  durationMs: number;
  bytesUp: number;
  bytesDown: number;
  clients: ClientRoundMetrics[];
  /** Targeted attacks: backdoor success, or the source → target rate of a targeted label flip (see attackTestSet). */
  attackSuccess?: number;
  /** Client-level DP (central or local): ε spent so far at privacy.delta (RDP accountant). */
  epsilon?: number;
  /** DP-SGD: ε spent so far by the worst client at privacy.delta, per example. */
  exampleEpsilon?: number;
  /** Central DP: the clip norm the clients used this round (it moves under adaptive clipping). */
  clipNorm?: number;
  /** Central DP: share of this round's updates that the clip norm scaled down. */
  clippedFraction?: number;
  /** Secure aggregation runs: what the protocol did and cost this round. */
  secureAggregation?: SecureAggregationMetrics;
  /** Set when something unusual happened, e.g. every sampled client dropped out and the model was kept. */
  note?: string;
}

/** One round of SecAgg / SecAgg+. On failure only `survivors` and `error` are set. */
export interface SecureAggregationMetrics {
  survivors: number;
  /** Shamir threshold t. */
  threshold?: number;
  /** Share holders of each client: n − 1 (SecAgg) or k (SecAgg+). */
  neighbours?: number;
  /** Protocol bytes beyond the plain payload: keys, shares, unmasking messages, ring expansion. */
  overheadBytes?: number;
  /** Wall time of the protocol. */
  ms?: number;
  /** 16 coordinates from `from`: what the server saw from one client (masked), that client's real input, the recovered sum. */
  preview?: { clientId: number; from: number; masked: number[]; input: number[]; sum: number[] };
  /** Why the round's sum could not be recovered. */
  error?: string;
}

export interface RunEnvironment {
  backend: 'wasm' | 'cpu';
  simd: boolean;
  workers: number;
  runtime: 'node' | 'browser';
}

export type RunEndReason = 'completed' | 'stopped' | 'diverged' | 'error';

export type EngineEvent =
  | { type: 'run-started'; config: ExperimentConfig; partition: PartitionStats; environment: RunEnvironment }
  /** `dropped`: sampled clients that will send nothing this round (dropouts and deadline-missing stragglers). */
  | { type: 'round-started'; round: number; sampled: number[]; dropped: number[] }
  | { type: 'client-done'; round: number; clientId: number }
  | { type: 'round-done'; metrics: RoundMetrics }
  | { type: 'paused'; round: number }
  | { type: 'run-finished'; reason: RunEndReason; message: string; rounds: number };

/** The metrics JSON written by `fedstudio run --out` and saved by the studio. */
export interface RunMetrics {
  config: ExperimentConfig;
  environment: RunEnvironment;
  rounds: RoundMetrics[];
}
