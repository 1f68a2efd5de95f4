import type { ExperimentConfig, StrategyName } from '../config/schema';
import { fedAdagradRule } from './fedadagrad';
import { fedAdamRule } from './fedadam';
import { FEDAVGM_DEFAULT_LR } from './fedavgm';
import { fedYogiRule } from './fedyogi';

/** The server learning rate a strategy uses when `strategy.serverLr` is unset (undefined: it has no server step). */
export const SERVER_LR_DEFAULTS: Partial<Record<StrategyName, number>> = {
  fedavgm: FEDAVGM_DEFAULT_LR,
  fedadam: fedAdamRule.defaultLr,
  fedyogi: fedYogiRule.defaultLr,
  fedadagrad: fedAdagradRule.defaultLr,
};

/** The server learning rate η the strategy applies (1 for FedAvg and FedProx, which have no server step). */
export function serverLearningRate({ strategy }: ExperimentConfig): number {
  const fallback = SERVER_LR_DEFAULTS[strategy.name];
  return fallback === undefined ? 1 : (strategy.serverLr ?? fallback);
}
