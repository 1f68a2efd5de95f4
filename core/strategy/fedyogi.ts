import { createFedOpt, type FedOptRule } from './fedopt';
import type { Strategy, StrategyConfig } from './types';

/** FedYogi: v ← v − (1−β₂)Δ²·sign(v − Δ²). Flower default η = 0.01. */
export const fedYogiRule: FedOptRule = {
  name: 'fedyogi',
  defaultLr: 0.01,
  secondMoment: (v, d2, beta2) => v - (1 - beta2) * d2 * Math.sign(v - d2),
};

export const createFedYogi = (cfg: StrategyConfig): Strategy => createFedOpt(fedYogiRule, cfg);
