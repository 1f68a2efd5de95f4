import { createFedOpt, type FedOptRule } from './fedopt';
import type { Strategy, StrategyConfig } from './types';

/** FedAdam: v ← β₂v + (1−β₂)Δ². Flower default η = 0.1, and Flower's bias-corrected step. */
export const fedAdamRule: FedOptRule = {
  name: 'fedadam',
  defaultLr: 0.1,
  biasCorrected: true,
  secondMoment: (v, d2, beta2) => beta2 * v + (1 - beta2) * d2,
};

export const createFedAdam = (cfg: StrategyConfig): Strategy => createFedOpt(fedAdamRule, cfg);
