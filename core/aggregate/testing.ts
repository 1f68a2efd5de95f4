// Test helpers: build updates from plain rows and run a configured aggregator on them.
import { aggregatorSchema, type ExperimentConfigInput } from '../config/schema';
import { createAggregator } from './registry';
import type { AggregationDecision, Aggregator, WeightedUpdate } from './types';

type AggregatorInput = NonNullable<ExperimentConfigInput['aggregator']>;

/** Rows as updates of weight 1; client ids default to the row index. */
export function updatesOf(rows: number[][], ids: number[] = rows.map((_, i) => i)): WeightedUpdate[] {
  return rows.map((row, i) => ({ clientId: ids[i], delta: Float32Array.from(row), weight: 1 }));
}

/** The aggregator of this aggregator section (defaults filled in); it checks the updates it is given itself. */
export function aggregatorFor(aggregator: AggregatorInput, seed = 42): Aggregator {
  return createAggregator(aggregatorSchema.parse(aggregator), { seed });
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
