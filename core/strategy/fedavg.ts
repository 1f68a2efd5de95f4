import type { Strategy } from './types';
import { checkSameSize } from './step';

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
