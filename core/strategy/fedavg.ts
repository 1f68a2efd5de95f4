import { checkSameSize } from './step';
import { defineStrategy, type Strategy } from './types';

/** x + Δ: the new global model is the aggregate of the client models. */
export function averageStep(global: Float32Array, delta: Float32Array): Float32Array {
  checkSameSize(global, delta);
  const out = new Float32Array(global.length);
  for (let i = 0; i < out.length; i++) out[i] = global[i] + delta[i];
  return out;
}

/** FedAvg (McMahan et al. 2017). */
export function createFedAvg(): Strategy {
  return { name: 'fedavg', step: averageStep };
}

export const fedavg = defineStrategy({
  name: 'fedavg',
  label: 'FedAvg',
  help: 'The aggregated update becomes the new global model, x ← x + Δ (McMahan et al. 2017; Flower FedAvg).',
  params: {},
  create: createFedAvg,
});
