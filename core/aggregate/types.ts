import type { z } from 'zod';
import type { ExperimentConfig } from '../config/schema';
import type { Plugin } from '../plugin';

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

/** What a run gives every aggregator besides its own parameters. */
export interface AggregatorEnv {
  /** The experiment seed: a rule that draws randomness takes its stream from rngFor(seed, …). */
  seed: number;
}

/**
 * A number of updates per round a rule needs, checked against the clients sampled per round before training starts:
 * `why` says what needs it, `fix` the changes that meet it (given n and the sampling change that reaches `need`).
 */
export interface RoundNeed {
  /** The parameter the message is shown on; unset: the rule itself (aggregator.name, or the pre-aggregator's toggle). */
  param?: string;
  need: number;
  why: string;
  fix(n: number, sampleMore: string): string;
}

interface RobustRule<Params extends z.ZodRawShape, Instance> extends Plugin<Params, Instance, AggregatorEnv> {
  /** Updates per round it needs, for its parameters (e.g. Krum: n ≥ 2f + 3). */
  roundNeeds?(params: z.output<z.ZodObject<Params>>): RoundNeed[];
  /** Pre-aggregators: how many updates it hands on from n (bucketing: ⌈n/s⌉); unset, all n. */
  handsOn?(params: z.output<z.ZodObject<Params>>, n: number): number;
}

/** An aggregator: aggregator.name selects one. */
export type AggregatorPlugin<Params extends z.ZodRawShape = z.ZodRawShape> = RobustRule<Params, Aggregator>;

/** A pre-aggregator: a boolean aggregator.<name> turns it on; those on wrap the aggregator in registry order. */
export type PreAggregatorPlugin<Params extends z.ZodRawShape = z.ZodRawShape> = RobustRule<Params, AggregatorWrapper>;

/** Identity, so a plugin's `create` and `roundNeeds` get its parameters' types (and its name stays a literal). */
export const defineAggregator = <const Name extends string, Params extends z.ZodRawShape>(
  plugin: AggregatorPlugin<Params> & { name: Name },
) => plugin;
export const definePreAggregator = <const Name extends string, Params extends z.ZodRawShape>(
  plugin: PreAggregatorPlugin<Params> & { name: Name },
) => plugin;
