import { pairwiseSquaredDistances } from '../math/pairwise';
import { byzantineBound, byzantineCount } from './params';
import { definePreAggregator, type WeightedUpdate } from './types';
import { sortedUpdates } from './updateSet';

/** Coordinates mixed per pass, so the rows being combined stay in cache across all n outputs. */
const CHUNK = 512;

/**
 * Nearest-neighbour mixing (Allouah et al. 2023): each update becomes the mean of its n − f nearest updates, itself
 * included (other ties: lowest client id), before the inner rule runs. Computed as (Σ_all − Σ_f farthest)/(n − f).
 */
export function nearestNeighbourMixing(updates: readonly WeightedUpdate[], f: number): WeightedUpdate[] {
  const sorted = sortedUpdates(updates);
  const n = sorted.length;
  if (f >= n) throw new Error(`NNM averages the n − f nearest updates: needs n > f, got n = ${n} with f = ${f}`);
  const vectors = sorted.map((u) => u.delta);
  const dim = vectors[0].length;
  const dist = pairwiseSquaredDistances(vectors);
  const farthest = vectors.map((_, i) =>
    vectors
      .map((_, j) => j)
      .filter((j) => j !== i)
      .sort((a, b) => dist[i * n + a] - dist[i * n + b] || a - b)
      .slice(n - 1 - f),
  );
  const mixed = vectors.map(() => new Float32Array(dim));
  const total = new Float64Array(CHUNK);
  const acc = new Float64Array(CHUNK);
  for (let c0 = 0; c0 < dim; c0 += CHUNK) {
    const width = Math.min(CHUNK, dim - c0);
    total.fill(0);
    for (const x of vectors) for (let k = 0; k < width; k++) total[k] += x[c0 + k];
    for (let i = 0; i < n; i++) {
      acc.set(total);
      for (const j of farthest[i]) {
        const x = vectors[j];
        for (let k = 0; k < width; k++) acc[k] -= x[c0 + k];
      }
      const out = mixed[i];
      for (let k = 0; k < width; k++) out[c0 + k] = acc[k] / (n - f);
    }
  }
  return sorted.map((u, i) => ({ ...u, delta: mixed[i] }));
}

/** Wraps any aggregator so it sees NNM-mixed updates (client ids and weights unchanged). */
export const nnm = definePreAggregator({
  name: 'nnm',
  label: 'NNM pre-aggregation',
  help: 'Replace each update by the mean of its n − f nearest neighbours before aggregating (Allouah et al. 2023).',
  params: { f: byzantineCount },
  roundNeeds: ({ f }) => [byzantineBound('NNM pre-aggregation', 1, 1, f)],
  create: ({ f }) => (inner) => ({
    name: `nnm+${inner.name}`,
    aggregate: (updates, ctx) => inner.aggregate(nearestNeighbourMixing(updates, f), ctx),
  }),
});
