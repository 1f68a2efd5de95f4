import type { Strategy, StrategyConfig } from './types';
import { checkSameSize } from './step';

/** Flower's default server learning rate for FedAvgM. */
export const FEDAVGM_DEFAULT_LR = 1.0;

/** FedAvgM (Hsu et al. 2019): v ← βv + Δ; x ← x + η·v, with v₀ = 0. */
export function createFedAvgM(cfg: StrategyConfig): Strategy {
  const eta = cfg.serverLr ?? FEDAVGM_DEFAULT_LR;
  const beta = cfg.serverMomentum;
  let velocity: Float64Array | null = null;
  return {
    name: 'fedavgm',
    step(global, delta) {
      checkSameSize(global, delta);
      const v = (velocity ??= new Float64Array(delta.length));
      const out = new Float32Array(global.length);
      for (let i = 0; i < out.length; i++) {
        v[i] = beta * v[i] + delta[i];
        out[i] = global[i] + eta * v[i];
      }
      return out;
    },
  };
}
