import type { ExperimentConfig } from '../config/schema';
import type { Plugin } from '../plugin';
import { strategyPlugin } from './registry';

/** The server learning rate η the strategy applies (1 for strategies without one, e.g. FedAvg and FedProx). */
export function serverLearningRate({ strategy }: ExperimentConfig): number {
  const plugin: Plugin = strategyPlugin(strategy);
  if (!('serverLr' in plugin.params)) return 1;
  return strategy.serverLr ?? plugin.unsetDefaults?.serverLr ?? 1;
}
