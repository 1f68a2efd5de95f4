import { byzantineCount } from './params';
import {
  definePreAggregator,
  type AggregationContext,
  type AggregationDecision,
  type RoundNeed,
  type WeightedUpdate,
} from './types';
import { sortedUpdates } from './updateSet';
import { l2Norm } from '../math/vector';

/** k = ⌊2·(f/n)·(n − f)⌋, in integers (ByzFL's float product can come out one lower, e.g. n = 121, f = 66). */
export function arcClipCount(n: number, f: number): number {
  return Math.floor((2 * f * (n - f)) / n);
}

/**
 * Adaptive robust clipping (Allouah et al. 2024, "Boosting robustness by clipping gradients in distributed
 * learning", arXiv 2405.14432, first titled "The vital role of gradient clipping in Byzantine-resilient distributed
 * learning", the reference of ByzFL's ARC): the k = ⌊2·(f/n)·(n − f)⌋ largest-norm updates are scaled down to
 * the norm of the (k+1)-th largest, x_i ← x_i·C/‖x_i‖ where ‖x_i‖ > C. Ties cannot matter: an update whose norm equals
 * C is left as it is, whichever side of the cut it sorts to. Client ids and weights are kept; `clipped` lists the
 * client ids scaled down.
 */
export function adaptiveRobustClipping(
  updates: readonly WeightedUpdate[],
  f: number,
): { updates: WeightedUpdate[]; clipped: Set<number> } {
  const sorted = sortedUpdates(updates);
  const n = sorted.length;
  if (f > n) throw new Error(`ARC clips ⌊2f(n − f)/n⌋ updates: needs n ≥ f, got n = ${n} with f = ${f}`);
  const norms = sorted.map((u) => l2Norm(u.delta));
  const k = arcClipCount(n, f);
  // The (k+1)-th largest norm: rank n − 1 − k in ascending order.
  const threshold = [...norms].sort((a, b) => a - b)[n - 1 - k];
  const clipped = new Set<number>();
  const out = sorted.map((u, i) => {
    if (!(norms[i] > threshold)) return u;
    clipped.add(u.clientId);
    const scale = threshold / norms[i];
    return { ...u, delta: u.delta.map((x) => x * scale) };
  });
  return { updates: out, clipped };
}

/**
 * The context the inner rule gets: its decisions pass on with `clipped` set when ARC (or the rule) scaled the update;
 * `report` then tells ARC's own decision for the clients the rule said nothing about (e.g. the mean).
 */
function withClipping(ctx: AggregationContext, clipped: Set<number>) {
  const { onDecision } = ctx;
  if (!onDecision) return { inner: ctx, report: () => {} };
  const reported = new Set<number>();
  return {
    inner: {
      ...ctx,
      onDecision: (id: number, d: AggregationDecision) => {
        reported.add(id);
        onDecision(id, { ...d, clipped: d.clipped === true || clipped.has(id) });
      },
    },
    report(ids: readonly number[]) {
      for (const id of ids) if (!reported.has(id)) onDecision(id, { clipped: clipped.has(id) });
    },
  };
}

/**
 * Wraps any aggregator so it sees ARC-clipped updates. First in the pre-aggregation order: clipping bounds each
 * client's own update, so it runs on the raw updates (as ByzFL's benchmark puts Clipping before NNM).
 */
export const arc = definePreAggregator({
  name: 'arc',
  label: 'ARC (adaptive robust clipping)',
  help: 'Clip the k = ⌊2·(f/n)·(n − f)⌋ largest updates to the norm of the (k+1)-th largest before aggregating (Allouah et al. 2024, ByzFL ARC).',
  params: { f: byzantineCount },
  roundNeeds: ({ f }) => [arcNeed(f)],
  create: ({ f }) => (inner) => ({
    name: `arc+${inner.name}`,
    aggregate(updates, ctx) {
      const { updates: clippedUpdates, clipped } = adaptiveRobustClipping(updates, f);
      const { inner: innerCtx, report } = withClipping(ctx, clipped);
      const out = inner.aggregate(clippedUpdates, innerCtx);
      report(clippedUpdates.map((u) => u.clientId));
      return out;
    },
  }),
});

function arcNeed(f: number): RoundNeed {
  return {
    need: f,
    why: `ARC clips ⌊2f(n − f)/n⌋ of the round's n updates, which needs n ≥ f = ${f}`,
    fix: (n, sampleMore) => `${sampleMore} or lower aggregator.f to ≤ ${n}`,
  };
}
