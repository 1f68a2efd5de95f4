// Every extension point and its plugins, for whoever lists or documents them: the CLI's `fedstudio plugins` and the
// studio's generated fields. A new extension point adds one line here; a new plugin adds none (its registry has it).
import { AGGREGATOR_PLUGINS, PRE_AGGREGATOR_PLUGINS } from './aggregate/registry';
import { ATTACK_PLUGINS } from './attack/registry';
import type { ExperimentConfig } from './config/schema';
import { DATASET_PLUGINS } from './data/registry';
import { MODEL_PLUGINS } from './model/registry';
import { PARTITIONER_PLUGINS } from './partition/registry';
import type { Plugin } from './plugin';
import { STRATEGY_PLUGINS } from './strategy/registry';

export interface ExtensionPoint {
  /** The config section, e.g. "aggregator". */
  section: keyof ExperimentConfig & string;
  /** The field that selects one plugin, e.g. "name" (aggregator.name). */
  selector: string;
  plugins: readonly Plugin[];
  /** Plugins switched on by a boolean field of their name beside the selected one (pre-aggregators). */
  switched?: readonly Plugin[];
}

export const EXTENSION_POINTS: readonly ExtensionPoint[] = [
  { section: 'data', selector: 'dataset', plugins: DATASET_PLUGINS },
  { section: 'partition', selector: 'method', plugins: PARTITIONER_PLUGINS },
  { section: 'model', selector: 'kind', plugins: MODEL_PLUGINS },
  { section: 'strategy', selector: 'name', plugins: STRATEGY_PLUGINS },
  { section: 'aggregator', selector: 'name', plugins: AGGREGATOR_PLUGINS, switched: PRE_AGGREGATOR_PLUGINS },
  { section: 'attack', selector: 'kind', plugins: ATTACK_PLUGINS },
];

/** The extension point of a config section. */
export function extensionPoint(section: ExtensionPoint['section']): ExtensionPoint {
  const point = EXTENSION_POINTS.find((p) => p.section === section);
  if (!point) throw new Error(`config section "${section}" has no plugins`);
  return point;
}
