import { z } from 'zod';
import { param } from '../plugin';
import { linearCombination } from '../math/combine';
import { gramMatrix } from '../math/pairwise';
import { defineAggregator } from './types';
import { toUpdateSet } from './updateSet';

/** RFA defaults (Pillutla et al. 2022): smoothing ν, iteration cap T, relative objective tolerance. */
const NU = 1e-6;
const MAX_ITERATIONS = 100;
const TOLERANCE = 1e-10;

/** Where the Weiszfeld iterations start: the mean (RFA, and FedStudio while unset) or the origin (ByzFL). */
export type WeiszfeldStart = 'mean' | 'zero';

export interface WeiszfeldOptions {
  /** Smoothing ν: distances below it count as ν. */
  nu?: number;
  /** Iteration cap T. */
  iterations?: number;
  start?: WeiszfeldStart;
}

/**
 * Smoothed Weiszfeld weights of the geometric median (RFA, Pillutla et al. 2022): z ← Σ(x_i/β_i)/Σ(1/β_i) with
 * β_i = max(‖x_i − z‖, ν), from the start point, until T iterations or a relative objective change < 1e-10. Every
 * iterate is z = Σ w_i x_i (the start too: w = 1/n for the mean, 0 for the origin), so ‖x_i − z‖² = G_ii − 2(Gw)_i +
 * wᵀGw: the loop runs on the n × n Gram matrix, O(n²) per step.
 */
export function weiszfeldWeights(
  gram: Float64Array,
  n: number,
  { nu = NU, iterations = MAX_ITERATIONS, start = 'mean' }: WeiszfeldOptions = {},
): Float64Array {
  let w = new Float64Array(n).fill(start === 'mean' ? 1 / n : 0);
  const dist = new Float64Array(n);
  let objective = distancesTo(gram, n, w, dist);
  for (let t = 0; t < iterations; t++) {
    const next = new Float64Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) total += next[i] = 1 / Math.max(dist[i], nu);
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

/**
 * Geometric median of the updates (RFA), unweighted; reports each client's final Weiszfeld weight. ν, T and the start
 * are optional: unset, RFA's ν = 1e-6, T = 100 from the mean; ByzFL's GeometricMedian uses ν = 0.1, T = 3 from 0
 * (without the tolerance stop, which only ends iterations that no longer move the objective).
 */
export const geometricMedian = defineAggregator({
  name: 'geometric-median',
  label: 'Geometric median (RFA)',
  help: 'The point minimising the sum of distances to the updates, by smoothed Weiszfeld iterations (RFA, Pillutla et al. 2022; ByzFL’s GeometricMedian: ν = 0.1, T = 3, from 0).',
  params: {
    geomedNu: param(z.number().min(1e-6).max(10).optional(), {
      label: 'Weiszfeld smoothing ν',
      help: 'Geometric median: distances below ν count as ν, β_i = max(‖x_i − z‖, ν), which keeps the weights 1/β_i finite (RFA 1e-6, ByzFL 0.1).',
      log: true,
      defaultLabel: '1e-6 (RFA)',
    }),
    geomedIterations: param(z.number().int().min(1).max(1000).optional(), {
      label: 'Weiszfeld iterations T',
      help: 'Geometric median: at most T Weiszfeld steps, fewer once the objective changes by < 1e-10 relative (RFA 100, ByzFL 3).',
      defaultLabel: `${MAX_ITERATIONS} (RFA)`,
    }),
    geomedStart: param(z.enum(['mean', 'zero']).optional(), {
      label: 'Weiszfeld start',
      help: 'Geometric median: the point the iterations start from, the mean of the updates (RFA) or 0 (ByzFL).',
      defaultLabel: 'the mean (RFA)',
      choices: { mean: 'Mean of the updates (RFA)', zero: 'Origin 0 (ByzFL)' },
    }),
  },
  unsetDefaults: { geomedNu: NU, geomedIterations: MAX_ITERATIONS },
  create: ({ geomedNu: nu, geomedIterations: iterations, geomedStart: start }) => ({
    name: 'geometric-median',
    aggregate(updates, ctx) {
      const { ids, vectors, dim } = toUpdateSet(updates);
      const w = weiszfeldWeights(gramMatrix(vectors), ids.length, { nu, iterations, start });
      ids.forEach((id, i) => ctx.onDecision?.(id, { weight: w[i] }));
      return Float32Array.from(linearCombination(vectors, w, dim));
    },
  }),
});
