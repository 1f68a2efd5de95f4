import { defineAggregator, type WeightedUpdate } from './types';
import { sortedUpdates } from './updateSet';

/** FedAvg aggregation (McMahan et al. 2017): Σ w_k·Δ_k / Σ w_k, accumulated in Float64 in client-id order. */
export function weightedMean(updates: readonly WeightedUpdate[]): Float32Array {
  const sorted = sortedUpdates(updates);
  const dim = sorted[0].delta.length;
  const acc = new Float64Array(dim);
  let total = 0;
  for (const { clientId, delta, weight } of sorted) {
    if (!(weight >= 0)) throw new Error(`client ${clientId} has an invalid aggregation weight ${weight}`);
    total += weight;
    for (let i = 0; i < dim; i++) acc[i] += weight * delta[i];
  }
  if (total === 0) throw new Error('cannot aggregate: the total weight of the updates is 0');
  const out = new Float32Array(dim);
  for (let i = 0; i < dim; i++) out[i] = acc[i] / total;
  return out;
}

export const mean = defineAggregator({
  name: 'mean',
  label: 'Weighted mean',
  help: 'FedAvg: Σ n_k·Δ_k / Σ n_k, weighted by example counts (McMahan et al. 2017). Not robust to a single attacker.',
  params: {},
  create: () => ({ name: 'mean', aggregate: (updates) => weightedMean(updates) }),
});
