import type { ExperimentConfig } from '../../core/config/schema';

/** The parameters the library lists, searches and filters by. */
export interface KeyParams {
  dataset: string;
  partition: string;
  strategy: string;
  aggregator: string;
  attack: string;
  dp: string;
}

export const KEY_PARAMS = ['dataset', 'partition', 'strategy', 'aggregator', 'attack', 'dp'] as const satisfies readonly (keyof KeyParams)[];

export function keyParams(config: ExperimentConfig): KeyParams {
  return {
    dataset: config.data.dataset,
    partition: config.partition.method,
    strategy: config.strategy.name,
    aggregator: config.aggregator.nnm ? `nnm+${config.aggregator.name}` : config.aggregator.name,
    attack: config.attack.kind,
    // The config has no DP section yet: derive it here when it does (stored, searched and filtered already).
    dp: 'none',
  };
}
