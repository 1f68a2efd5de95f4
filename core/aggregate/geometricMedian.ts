import { linearCombination } from './combine';
import { gramMatrix } from './pairwise';
import { defineAggregator } from './types';
import { toUpdateSet } from './updateSet';

/** RFA defaults (Pillutla et al. 2022): smoothing ν, iteration cap T, relative objective tolerance. */
const NU = 1e-6;
const MAX_ITERATIONS = 100;
const TOLERANCE = 1e-10;

/**
 * Smoothed Weiszfeld weights of the geometric median (RFA, Pillutla et al. 2022): z ← Σ(x_i/β_i)/Σ(1/β_i) with
 * β_i = max(‖x_i − z‖, ν), from the mean, until T iterations or a relative objective change < 1e-10. Every iterate
 * is z = Σ w_i x_i, so ‖x_i − z‖² = G_ii − 2(Gw)_i + wᵀGw: the loop runs on the n × n Gram matrix, O(n²) per step.
 */
export function weiszfeldWeights(gram: Float64Array, n: number): Float64Array {
  let w = new Float64Array(n).fill(1 / n);
  const dist = new Float64Array(n);
  let objective = distancesTo(gram, n, w, dist);
  for (let t = 0; t < MAX_ITERATIONS; t++) {
    const next = new Float64Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) total += next[i] = 1 / Math.max(dist[i], NU);
    for (let i = 0; i < n; i++) next[i] /= total;
    w = next;
    const previous = objective;
    objective = distancesTo(gram, n, w, dist);
    if (Math.abs(previous - objective) < TOLERANCE * objective) break;
  }
  return w;
}

/** Fills dist[i] = ‖x_i − Σ_j w_j x_j‖ and returns Σ_i dist[i] (the objective). */
function distancesTo(gram: Float64Array, n: number, w: Float64Array, dist: Float64Array): number {
  const gw = new Float64Array(n);
  let wgw = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += gram[i * n + j] * w[j];
    gw[i] = s;
    wgw += w[i] * s;
  }
  let objective = 0;
  for (let i = 0; i < n; i++) objective += dist[i] = Math.sqrt(Math.max(0, gram[i * n + i] - 2 * gw[i] + wgw));
  return objective;
}

/** Geometric median of the updates (RFA), unweighted; reports each client's final Weiszfeld weight. */
export const geometricMedian = defineAggregator({
  name: 'geometric-median',
  label: 'Geometric median (RFA)',
  help: 'The point minimising the sum of distances to the updates, by smoothed Weiszfeld iterations (RFA, Pillutla et al. 2022).',
  params: {},
  create: () => ({
    name: 'geometric-median',
    aggregate(updates, ctx) {
      const { ids, vectors, dim } = toUpdateSet(updates);
      const w = weiszfeldWeights(gramMatrix(vectors), ids.length);
      ids.forEach((id, i) => ctx.onDecision?.(id, { weight: w[i] }));
      return Float32Array.from(linearCombination(vectors, w, dim));
    },
  }),
});
