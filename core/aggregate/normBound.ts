import { z } from 'zod';
import { param } from '../plugin';
import { rngFor } from '../rng';
import { linearCombination } from '../math/combine';
import { defineAggregator } from './types';
import { toUpdateSet } from './updateSet';
import { l2Norm } from '../math/vector';

/**
 * Norm bounding (Sun et al. 2019, "Can you really backdoor FL?"): x_i ← x_i·min(1, M/‖x_i‖), then the unweighted
 * mean, plus N(0, σ²) per coordinate when σ > 0 ("weak DP"), drawn from rngFor(seed, 'norm-bound-noise', round).
 */
export const normBound = defineAggregator({
  name: 'norm-bound',
  label: 'Norm bounding',
  help: 'Each update scaled to L2 norm ≤ M, then the mean, plus optional Gaussian noise (Sun et al. 2019).',
  params: {
    normBound: param(z.number().min(1e-6).max(1e6).default(1), {
      label: 'Norm bound M',
      help: 'Each update is scaled down to L2 norm at most M before averaging.',
      log: true,
    }),
    normBoundNoise: param(z.number().min(0).max(10).default(0), {
      label: 'Noise σ',
      help: 'Norm bounding: Gaussian noise std added per coordinate to the mean (weak DP).',
      step: 0.001,
    }),
  },
  create: ({ normBound: bound, normBoundNoise: sigma }, { seed }) => ({
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
        const rng = rngFor(seed, 'norm-bound-noise', ctx.round);
        for (let k = 0; k < dim; k++) mean[k] += sigma * rng.normal();
      }
      return Float32Array.from(mean);
    },
  }),
});
