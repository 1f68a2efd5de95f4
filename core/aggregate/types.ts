import type { ExperimentConfig } from '../config/schema';

export type AggregatorName = ExperimentConfig['aggregator']['name'];

/** One client's contribution to a round: its pseudo-gradient Δ = w_local − w_global and its weight (numExamples). */
export interface WeightedUpdate {
  clientId: number;
  delta: Float32Array;
  weight: number;
}

/** What an aggregator did with one client's update this round (fields that do not apply are left out). */
export interface AggregationDecision {
  /** Krum / Multi-Krum / Bulyan: kept by the selection step. */
  selected?: boolean;
  /** Median / trimmed mean / Bulyan: share of coordinates where this client's value was dropped. */
  trimmedFraction?: number;
  /** Centered clipping / norm bounding: the update was scaled down. */
  clipped?: boolean;
  /** Geometric median: this update's weight in the result (weights sum to 1). */
  weight?: number;
}

export interface AggregationContext {
  round: number;
  /** The global model the updates were computed from (read-only). */
  global: Float32Array;
  /** Called once per client by aggregators that make per-client decisions (not by `mean`), for the UI. */
  onDecision?: (clientId: number, decision: AggregationDecision) => void;
}

/**
 * Combines the round's client updates (sorted by clientId) into one Δ; the strategy then applies it as a server step.
 * Instances are created per run and may keep state across rounds (e.g. centered clipping's previous aggregate).
 */
export interface Aggregator {
  readonly name: string;
  aggregate(updates: readonly WeightedUpdate[], ctx: AggregationContext): Float32Array;
}

/**
 * How DP, attacks and pre-aggregation compose with any aggregator: a wrapper may transform the updates before calling
 * `inner` and/or the aggregate after it.
 */
export type AggregatorWrapper = (inner: Aggregator) => Aggregator;
