// The example experiments, bundled at build time. Adding a preset = a JSON file in examples/ + one line here.
import { parseConfig, type ExperimentConfig } from '../../core/config/schema';
import mnistDirichlet from '../../examples/mnist-dirichlet.json';
import mnistIid from '../../examples/mnist-iid.json';
import moonsDrift from '../../examples/moons-drift.json';

export interface Preset {
  id: string;
  config: ExperimentConfig;
}

export const PRESETS: Preset[] = [
  { id: 'mnist-iid', config: parseConfig(mnistIid) },
  { id: 'mnist-dirichlet', config: parseConfig(mnistDirichlet) },
  { id: 'moons-drift', config: parseConfig(moonsDrift) },
];
