// Test helpers: build updates from plain rows and run a configured aggregator on them.
import { parseConfig, type ExperimentConfigInput } from '../config/schema';
import { createAggregator } from './registry';
import type { AggregationDecision, Aggregator, WeightedUpdate } from './types';

type AggregatorInput = NonNullable<ExperimentConfigInput['aggregator']>;

/** Rows as updates of weight 1; client ids default to the row index. */
export function updatesOf(rows: number[][], ids: number[] = rows.map((_, i) => i)): WeightedUpdate[] {
  return rows.map((row, i) => ({ clientId: ids[i], delta: Float32Array.from(row), weight: 1 }));
}

/**
 * The aggregator of a config that samples all of 500 clients per round, so the schema's round-size rules (Krum,
 * Bulyan, NNM) accept any f these tests use; the aggregator itself still checks the updates it is given.
 */
export function aggregatorFor(aggregator: AggregatorInput, seed = 42): Aggregator {
  return createAggregator(parseConfig({ seed, partition: { numClients: 500 }, sampling: { fraction: 1 }, aggregator }));
}

/** One aggregation; returns the result and the decisions reported per client id. */
export function runOnce(
  aggregator: Aggregator,
  updates: WeightedUpdate[],
  round = 1,
): { out: number[]; decisions: Map<number, AggregationDecision> } {
  const decisions = new Map<number, AggregationDecision>();
  const dim = updates[0].delta.length;
  const result = aggregator.aggregate(updates, {
    round,
    global: new Float32Array(dim),
    onDecision: (id, d) => decisions.set(id, d),
  });
  return { out: Array.from(result), decisions };
}
