import type { ExperimentConfig, StrategyName } from '../config/schema';
import { createFedAdagrad } from './fedadagrad';
import { createFedAdam } from './fedadam';
import { createFedAvg } from './fedavg';
import { createFedAvgM } from './fedavgm';
import { createFedProx } from './fedprox';
import { createFedYogi } from './fedyogi';
import type { Strategy, StrategyConfig } from './types';

/** One line per strategy (Flower names). Each call returns a fresh instance with its own server state. */
export const strategies: Record<StrategyName, (cfg: StrategyConfig) => Strategy> = {
  fedavg: createFedAvg,
  fedprox: createFedProx,
  fedavgm: createFedAvgM,
  fedadam: createFedAdam,
  fedyogi: createFedYogi,
  fedadagrad: createFedAdagrad,
};

export function createStrategy(config: ExperimentConfig): Strategy {
  const factory = strategies[config.strategy.name];
  if (!factory) throw new Error(`unknown strategy "${config.strategy.name}"`);
  return factory(config.strategy);
}
