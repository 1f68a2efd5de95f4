import { z } from 'zod';
import { param } from '../plugin';
import { serverLr } from './params';
import { checkSameSize } from './step';
import { defineStrategy, type Strategy } from './types';

/** Flower's default server learning rate for FedAvgM. */
export const FEDAVGM_DEFAULT_LR = 1.0;

/** FedAvgM's parameters: the server learning rate η (optional) and the server momentum β. */
export interface FedAvgMParams {
  serverLr?: number;
  serverMomentum: number;
}

/** FedAvgM (Hsu et al. 2019): v ← βv + Δ; x ← x + η·v, with v₀ = 0. */
export function createFedAvgM(cfg: FedAvgMParams): Strategy {
  const eta = cfg.serverLr ?? FEDAVGM_DEFAULT_LR;
  const beta = cfg.serverMomentum;
  const state: { velocity: Float64Array | null } = { velocity: null };
  return {
    name: 'fedavgm',
    state,
    step(global, delta) {
      checkSameSize(global, delta);
      const v = (state.velocity ??= new Float64Array(delta.length));
      const out = new Float32Array(global.length);
      for (let i = 0; i < out.length; i++) {
        v[i] = beta * v[i] + delta[i];
        out[i] = global[i] + eta * v[i];
      }
      return out;
    },
  };
}

export const fedavgm = defineStrategy({
  name: 'fedavgm',
  label: 'FedAvgM (server momentum)',
  help: 'Server momentum on the aggregated update: v ← βv + Δ, x ← x + η·v (Hsu et al. 2019; Flower FedAvgM).',
  params: {
    serverLr,
    serverMomentum: param(z.number().min(0).max(0.999).default(0), {
      label: 'Server momentum β',
      help: 'FedAvgM: v ← βv + Δ, x ← x + ηv.',
      step: 0.01,
    }),
  },
  unsetDefaults: { serverLr: FEDAVGM_DEFAULT_LR },
  create: createFedAvgM,
});
