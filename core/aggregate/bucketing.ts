import { z } from 'zod';
import { param } from '../plugin';
import { rngFor } from '../rng';
import { byzantineCount } from './params';
import {
  definePreAggregator,
  type AggregationContext,
  type AggregationDecision,
  type RoundNeed,
  type WeightedUpdate,
} from './types';
import { sortedUpdates } from './updateSet';

/** The bucket size while aggregator.bucketSize is unset: s = 2, as in Karimireddy et al.'s experiments. */
export const DEFAULT_BUCKET_SIZE = 2;

/** One bucket: the mean of its members' updates, under the lowest member's client id. */
export interface Bucket extends WeightedUpdate {
  /** The client ids averaged into it, ascending (the first is its clientId). */
  members: number[];
}

/**
 * Bucketing (Karimireddy et al. 2022): the updates, in client-id order, shuffled by `rng`'s Fisher–Yates, cut into
 * consecutive buckets of s (the last holds the n mod s left over, as ByzFL's), each replaced by the unweighted mean
 * of its members (Float64 sums in client-id order). A bucket carries the lowest client id of its members — unique, as
 * buckets are disjoint — and the sum of their weights (the mean rule weighs by examples); buckets come out sorted by
 * that id, so the inner rule sees ⌈n/s⌉ updates with unique, sorted ids like any round's.
 */
export function bucketUpdates(updates: readonly WeightedUpdate[], s: number, shuffle: (rows: number[]) => void): Bucket[] {
  const sorted = sortedUpdates(updates);
  const n = sorted.length;
  const dim = sorted[0].delta.length;
  const order = Array.from({ length: n }, (_, i) => i);
  shuffle(order);
  const buckets: Bucket[] = [];
  for (let start = 0; start < n; start += s) {
    const rows = order.slice(start, start + s).sort((a, b) => a - b);
    const sum = new Float64Array(dim);
    let weight = 0;
    for (const i of rows) {
      const x = sorted[i].delta;
      for (let k = 0; k < dim; k++) sum[k] += x[k];
      weight += sorted[i].weight;
    }
    const delta = new Float32Array(dim);
    for (let k = 0; k < dim; k++) delta[k] = sum[k] / rows.length;
    const members = rows.map((i) => sorted[i].clientId);
    buckets.push({ clientId: members[0], delta, weight, members });
  }
  return buckets.sort((a, b) => a.clientId - b.clientId);
}

/**
 * The inner rule's context: a decision about a bucket is passed on to each of its members, a geometric-median weight
 * split equally among them (so the clients' weights still sum to 1).
 */
function perMember(ctx: AggregationContext, buckets: readonly Bucket[]): AggregationContext {
  const { onDecision } = ctx;
  if (!onDecision) return ctx;
  const byId = new Map(buckets.map((b) => [b.clientId, b.members]));
  return {
    ...ctx,
    onDecision(id: number, d: AggregationDecision) {
      const members = byId.get(id) ?? [id];
      const share = d.weight === undefined ? d : { ...d, weight: d.weight / members.length };
      for (const member of members) onDecision(member, share);
    },
  };
}

/**
 * Wraps any aggregator so it sees bucket means, reshuffled every round from rngFor(seed, 'bucketing', round). Last in
 * the pre-aggregation order: it is the one that merges clients, so ARC and NNM still see each client's own update,
 * and only the inner rule sees buckets. Its errors name the bucket count, which is what their n refers to.
 */
export const bucketing = definePreAggregator({
  name: 'bucketing',
  label: 'Bucketing',
  help: 'Shuffle the updates into buckets of s and aggregate the ⌈n/s⌉ bucket means instead (Karimireddy et al. 2022, ByzFL Bucketing).',
  params: {
    f: byzantineCount,
    bucketSize: param(z.number().int().min(1).max(500).optional(), {
      label: 'Bucket size s',
      help: 'Bucketing: updates averaged per bucket, so the aggregator sees ⌈n/s⌉ bucket means; s = 1 changes nothing (ByzFL’s default). Unset: s = 2, as in Karimireddy et al.’s experiments.',
      defaultLabel: String(DEFAULT_BUCKET_SIZE),
    }),
  },
  roundNeeds: ({ f, bucketSize }) => [bucketNeed(f, bucketSize ?? DEFAULT_BUCKET_SIZE)],
  handsOn: ({ bucketSize }, n) => Math.ceil(n / (bucketSize ?? DEFAULT_BUCKET_SIZE)),
  create:
    ({ bucketSize }, { seed }) =>
    (inner) => ({
      name: `bucketing+${inner.name}`,
      aggregate(updates, ctx) {
        const s = bucketSize ?? DEFAULT_BUCKET_SIZE;
        const rng = rngFor(seed, 'bucketing', ctx.round);
        const buckets = bucketUpdates(updates, s, (rows) => rng.shuffle(rows));
        try {
          return inner.aggregate(buckets, perMember(ctx, buckets));
        } catch (error) {
          if (!(error instanceof Error)) throw error;
          const what = `after bucketing ${updates.length} updates into ${buckets.length} buckets of s = ${s}`;
          throw new Error(`${what}: ${error.message}`, { cause: error });
        }
      },
    }),
});

/**
 * Up to f buckets hold a Byzantine update; the aggregator can outvote them only while they are a minority of the
 * ⌈n/s⌉ buckets: ⌈n/s⌉ ≥ 2f + 1, i.e. n ≥ 2fs + 1 (Karimireddy et al.'s condition δ·s < 1/2, δ = f/n).
 */
function bucketNeed(f: number, s: number): RoundNeed {
  const need = 2 * f * s + 1;
  return {
    need,
    why:
      `bucketing by s = ${s} leaves ⌈n/s⌉ buckets, up to f = ${f} of them holding a Byzantine update: to stay a ` +
      `minority they need ⌈n/s⌉ ≥ 2f + 1, i.e. n ≥ 2fs + 1 = ${need} updates per round`,
    fix(n, sampleMore) {
      const maxF = Math.floor((n - 1) / (2 * s));
      const maxS = Math.floor((n - 1) / (2 * f));
      return `${sampleMore}, lower aggregator.f to ≤ ${maxF}${maxS >= 1 ? ` or aggregator.bucketSize to ≤ ${maxS}` : ''}`;
    },
  };
}
