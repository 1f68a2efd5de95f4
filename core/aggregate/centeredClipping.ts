import { z } from 'zod';
import { param } from '../plugin';
import { defineAggregator, type Aggregator } from './types';
import { toUpdateSet } from './updateSet';

/**
 * Centered clipping (Karimireddy et al. 2021), unweighted and stateful: from v₀ = the previous round's aggregate
 * (0 at the first round), L times v ← v + (1/n)Σ(x_i − v)·min(1, τ/‖x_i − v‖). A client counts as clipped if its
 * update was scaled down in any iteration.
 */
export const centeredClipping = defineAggregator({
  name: 'centered-clipping',
  label: 'Centered clipping',
  help: 'From the previous aggregate v, L times v ← v + mean of (x_i − v) clipped to norm τ (Karimireddy et al. 2021).',
  params: {
    clipTau: param(z.number().min(1e-6).max(1e6).default(1), {
      label: 'Clipping τ',
      help: 'Centered clipping radius around the previous round’s aggregate.',
      log: true,
    }),
    clipIterations: param(z.number().int().min(1).max(100).default(1), {
      label: 'Clipping iterations L',
      help: 'Centered clipping iterations per round.',
    }),
  },
  create: ({ clipTau: tau, clipIterations: iterations }) => createCenteredClipping(tau, iterations),
});

function createCenteredClipping(tau: number, iterations: number): Aggregator {
  let previous: Float32Array | null = null;
  return {
    name: 'centered-clipping',
    aggregate(updates, ctx) {
      const { ids, vectors, dim } = toUpdateSet(updates);
      if (previous && previous.length !== dim) {
        throw new Error(`centered clipping: updates have size ${dim} but the previous aggregate has ${previous.length}`);
      }
      const n = ids.length;
      const v = previous ? Float64Array.from(previous) : new Float64Array(dim);
      const clipped = new Array<boolean>(n).fill(false);
      const step = new Float64Array(dim);
      for (let l = 0; l < iterations; l++) {
        step.fill(0);
        for (let i = 0; i < n; i++) {
          const x = vectors[i];
          let sq = 0;
          for (let k = 0; k < dim; k++) {
            const diff = x[k] - v[k];
            sq += diff * diff;
          }
          const norm = Math.sqrt(sq);
          const scale = norm > tau ? tau / norm : 1;
          if (scale < 1) clipped[i] = true;
          for (let k = 0; k < dim; k++) step[k] += (x[k] - v[k]) * scale;
        }
        for (let k = 0; k < dim; k++) v[k] += step[k] / n;
      }
      ids.forEach((id, i) => ctx.onDecision?.(id, { clipped: clipped[i] }));
      previous = Float32Array.from(v);
      return previous.slice();
    },
  };
}
