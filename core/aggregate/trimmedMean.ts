import { z } from 'zod';
import { param } from '../plugin';
import { forEachColumnBlock } from '../math/columns';
import { selectInPlace } from '../math/select';
import { defineAggregator, type AggregationContext, type RoundNeed } from './types';
import { toUpdateSet, type UpdateSet } from './updateSet';

/** b = floor(β·n) values cut at each tail; the epsilon keeps e.g. 0.29·100 = 28.999… from flooring to 28. */
export function trimCount(beta: number, n: number): number {
  return Math.floor(beta * n + 1e-9);
}

/**
 * Per coordinate, the mean of the values of rank b … n−1−b (coordinate-wise trimmed mean, Yin et al. 2018); b = 0 is
 * the plain mean. Found by two quickselects per coordinate, not a sort. When `dropped` is given, dropped[i] counts
 * the coordinates where row i's value was cut (ties at a cut are charged to rows in order; their values are equal).
 */
export function trimmedMeanByCoordinate(
  vectors: readonly Float32Array[],
  dim: number,
  b: number,
  dropped?: Float64Array,
): Float32Array {
  const n = vectors.length;
  if (!(b >= 0 && 2 * b < n)) throw new Error(`cannot trim ${b} values per tail from ${n} updates`);
  const top = n - 1 - b;
  const out = new Float32Array(dim);
  const work = new Float64Array(n);
  forEachColumnBlock(vectors, dim, (block, start, width) => {
    for (let c = 0; c < width; c++) {
      const off = c * n;
      let sum = 0;
      if (b === 0) {
        for (let i = 0; i < n; i++) sum += block[off + i];
      } else {
        for (let i = 0; i < n; i++) work[i] = block[off + i];
        selectInPlace(work, 0, n - 1, b);
        if (top > b) selectInPlace(work, b + 1, n - 1, top);
        for (let i = b; i <= top; i++) sum += work[i];
        if (dropped) countCuts(block, off, n, work[b], work[top], b, dropped);
      }
      out[start + c] = sum / (n - 2 * b);
    }
  });
  return out;
}

/** Charges the b values below rank b and the b above rank n−1−b of one coordinate to their rows. */
function countCuts(col: Float64Array, off: number, n: number, lo: number, hi: number, b: number, dropped: Float64Array) {
  let lowTies = b;
  let highTies = b;
  for (let i = 0; i < n; i++) {
    const v = col[off + i];
    if (v < lo) lowTies--;
    else if (v > hi) highTies--;
  }
  for (let i = 0; i < n; i++) {
    const v = col[off + i];
    if (v < lo || v > hi) dropped[i]++;
    else if (v === lo && lowTies > 0) {
      dropped[i]++;
      lowTies--;
    } else if (v === hi && highTies > 0) {
      dropped[i]++;
      highTies--;
    }
  }
}

/** Runs the coordinate-wise trimmed mean with `b` per tail and reports each client's trimmed fraction if asked. */
export function trimAndReport(set: UpdateSet, b: number, ctx: AggregationContext): Float32Array {
  const dropped = ctx.onDecision ? new Float64Array(set.ids.length) : undefined;
  const out = trimmedMeanByCoordinate(set.vectors, set.dim, b, dropped);
  if (dropped) set.ids.forEach((id, i) => ctx.onDecision?.(id, { trimmedFraction: dropped[i] / set.dim }));
  return out;
}

/**
 * Trimmed mean (Yin et al. 2018): per coordinate, b values dropped at each tail — b = floor(β·n) as Flower's
 * FedTrimmedAvg, or a count b (ByzFL's TrMean and fedlib trim b = f).
 */
export const trimmedMean = defineAggregator({
  name: 'trimmed-mean',
  label: 'Trimmed mean',
  help: 'Per coordinate, drop the b smallest and b largest values and average the rest (Yin et al. 2018); b = floor(β·n) (Flower) or a count (ByzFL: b = f).',
  params: {
    trimCount: param(z.number().int().min(0).max(250).optional(), {
      label: 'Trim count b',
      help: 'Values dropped at each tail per coordinate, a count as ByzFL’s TrMean (which sets b = f); unset: floor(β·n).',
      defaultLabel: 'floor(β·n)',
    }),
    trimBeta: param(z.number().min(0).max(0.49).default(0.2), {
      label: 'Trim β',
      help: 'Trimmed mean: drop floor(β·n) values at each tail, per coordinate (Flower FedTrimmedAvg 0.2).',
      step: 0.01,
    }),
  },
  reads: ({ trimCount: b }) => (b === undefined ? ['trimCount', 'trimBeta'] : ['trimCount']),
  roundNeeds: ({ trimCount: b }) => (b === undefined ? [] : [trimCountNeed(b)]),
  create: ({ trimCount: b, trimBeta }) => ({
    name: 'trimmed-mean',
    aggregate(updates, ctx) {
      const set = toUpdateSet(updates);
      const n = set.ids.length;
      if (b !== undefined && n < 2 * b + 1) {
        throw new Error(`trimmed-mean drops b = ${b} per tail: needs n ≥ 2b + 1 = ${2 * b + 1} updates, got n = ${n}`);
      }
      return trimAndReport(set, b ?? trimCount(trimBeta, n), ctx);
    },
  }),
});

function trimCountNeed(b: number): RoundNeed {
  return {
    param: 'trimCount',
    need: 2 * b + 1,
    why: `the trimmed mean drops b = ${b} values per tail, so it needs at least 2b + 1 = ${2 * b + 1} updates per round`,
    fix: (n, sampleMore) => `${sampleMore} or lower aggregator.trimCount to ≤ ${Math.floor((n - 1) / 2)}`,
  };
}
