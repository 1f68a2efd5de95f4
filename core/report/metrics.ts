// What a run reports, round by round: the metrics JSON of `fedstudio run --out`, the studio's charts and the library.
import type { AggregationDecision } from '../aggregate/types';
import type { ExperimentConfig } from '../config/schema';

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
  /** The live changes (dotted path → value) that first applied in this round (the config's `schedule`). */
  changes?: Record<string, unknown>;
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

/** The metrics JSON written by `fedstudio run --out` and saved by the studio. */
export interface RunMetrics {
  config: ExperimentConfig;
  environment: RunEnvironment;
  rounds: RoundMetrics[];
}
