import type { ExperimentConfig } from '../config/schema';
import { rngFor } from '../rng';
import { linearCombination } from './combine';
import type { Aggregator } from './types';
import { toUpdateSet } from './updateSet';
import { l2Norm } from './vector';

/**
 * Norm bounding (Sun et al. 2019, "Can you really backdoor FL?"): x_i ← x_i·min(1, M/‖x_i‖), then the unweighted
 * mean, plus N(0, σ²) per coordinate when σ > 0 ("weak DP"), drawn from rngFor(seed, 'norm-bound-noise', round).
 */
export function createNormBoundAggregator(config: ExperimentConfig): Aggregator {
  const { normBound: bound, normBoundNoise: sigma } = config.aggregator;
  return {
    name: 'norm-bound',
    aggregate(updates, ctx) {
      const { ids, vectors, dim } = toUpdateSet(updates);
      const n = ids.length;
      const coeffs = new Float64Array(n);
      ids.forEach((id, i) => {
        const norm = l2Norm(vectors[i]);
        const clipped = norm > bound;
        coeffs[i] = (clipped ? bound / norm : 1) / n;
        ctx.onDecision?.(id, { clipped });
      });
      const mean = linearCombination(vectors, coeffs, dim);
      if (sigma > 0) {
        const rng = rngFor(config.seed, 'norm-bound-noise', ctx.round);
        for (let k = 0; k < dim; k++) mean[k] += sigma * rng.normal();
      }
      return Float32Array.from(mean);
    },
  };
}
