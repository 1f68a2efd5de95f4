// The strategies FedStudio offers (Flower names): one line each. The config's strategy section, the CLI's --set, the
// share URL and the studio's fields are assembled from this list (core/config/schema.ts, app/lib/fields.ts).
import type { ExperimentConfig } from '../config/schema';
import { findPlugin } from '../plugin';
import { fedadagrad } from './fedadagrad';
import { fedadam } from './fedadam';
import { fedavg } from './fedavg';
import { fedavgm } from './fedavgm';
import { fedprox } from './fedprox';
import { fedyogi } from './fedyogi';
import { PLAIN_CLIENT_TRAINING, type ClientTraining, type Strategy, type StrategyConfig } from './types';

/** In the studio's order; the first is the default. */
export const STRATEGY_PLUGINS = [fedavg, fedprox, fedavgm, fedadam, fedyogi, fedadagrad] as const;

/** The configured strategy's plugin. */
export function strategyPlugin(section: StrategyConfig) {
  return findPlugin(STRATEGY_PLUGINS, section.name, 'strategy');
}

/**
 * An instance of the configured strategy. Its server state is fresh, or, after a live change of its parameters
 * (`previous` is the same strategy), `previous`'s: an optimiser whose η or β changes keeps its moments, as
 * changing an optimiser's learning rate mid-training does (e.g. PyTorch's param_groups). Another strategy starts
 * from zero state, since its state would mean something else.
 */
export function createStrategy(config: ExperimentConfig, previous?: Strategy): Strategy {
  const strategy = strategyPlugin(config.strategy).create(config.strategy as never);
  if (previous?.name === strategy.name && previous.state && strategy.state) Object.assign(strategy.state, previous.state);
  return strategy;
}

/** What the configured strategy changes in local training (its client-side hook; FedAvg's training without one). */
export function clientTraining(section: StrategyConfig): ClientTraining {
  const plugin = strategyPlugin(section);
  return { ...PLAIN_CLIENT_TRAINING, ...plugin.clientTraining?.(section as never) };
}
