import type { ExperimentConfig } from '../config/schema';
import type { Aggregator } from './types';
import { toUpdateSet } from './updateSet';

/**
 * Centered clipping (Karimireddy et al. 2021), unweighted and stateful: from v₀ = the previous round's aggregate
 * (0 at the first round), L times v ← v + (1/n)Σ(x_i − v)·min(1, τ/‖x_i − v‖). A client counts as clipped if its
 * update was scaled down in any iteration.
 */
export function createCenteredClippingAggregator(config: ExperimentConfig): Aggregator {
  const { clipTau: tau, clipIterations: iterations } = config.aggregator;
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
