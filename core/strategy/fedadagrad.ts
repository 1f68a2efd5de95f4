import { createFedOpt, type FedOptRule } from './fedopt';
import type { Strategy, StrategyConfig } from './types';

/** FedAdagrad: v ← v + Δ². Flower defaults η = 0.1 and β₁ = 0 (m = Δ). */
export const fedAdagradRule: FedOptRule = {
  name: 'fedadagrad',
  defaultLr: 0.1,
  beta1: 0,
  secondMoment: (v, d2) => v + d2,
};

export const createFedAdagrad = (cfg: StrategyConfig): Strategy => createFedOpt(fedAdagradRule, cfg);
