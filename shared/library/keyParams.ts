import { PRE_AGGREGATOR_PLUGINS } from '../../core/aggregate/registry';
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
    aggregator: aggregatorLabel(config.aggregator),
    attack: config.attack.kind,
    dp: dpLabel(config.privacy),
  };
}

/** The rule behind the pre-aggregators switched on, in the order they wrap it, e.g. "nnm+krum". */
function aggregatorLabel(section: ExperimentConfig['aggregator']): string {
  return [...PRE_AGGREGATOR_PLUGINS.filter((pre) => section[pre.name]).map((pre) => pre.name), section.name].join('+');
}

/** "none", "central", "central-adaptive" or "local", with "+dp-sgd" (or just "dp-sgd") for sample-level DP. */
function dpLabel(privacy: ExperimentConfig['privacy']): string {
  const clientLevel =
    privacy.mode === 'central' && privacy.clipping === 'adaptive' ? 'central-adaptive' : privacy.mode === 'none' ? '' : privacy.mode;
  const labels = [clientLevel, privacy.dpSgd ? 'dp-sgd' : ''].filter(Boolean);
  return labels.length > 0 ? labels.join('+') : 'none';
}
