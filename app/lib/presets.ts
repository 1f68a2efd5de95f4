// The example experiments, bundled at build time. Adding a preset = a JSON file in examples/ + one line here.
import { parseConfig, type ExperimentConfig } from '../../core/config/schema';
import attackAlie from '../../examples/attack-alie.json';
import attackBackdoor from '../../examples/attack-backdoor.json';
import attackSignflip from '../../examples/attack-signflip.json';
import dpFedavg from '../../examples/dp-fedavg.json';
import mnistDirichlet from '../../examples/mnist-dirichlet.json';
import mnistIid from '../../examples/mnist-iid.json';
import moonsDrift from '../../examples/moons-drift.json';
import secagg from '../../examples/secagg.json';

export interface Preset {
  id: string;
  config: ExperimentConfig;
}

export const PRESETS: Preset[] = [
  { id: 'mnist-iid', config: parseConfig(mnistIid) },
  { id: 'mnist-dirichlet', config: parseConfig(mnistDirichlet) },
  { id: 'moons-drift', config: parseConfig(moonsDrift) },
  { id: 'attack-signflip', config: parseConfig(attackSignflip) },
  { id: 'attack-backdoor', config: parseConfig(attackBackdoor) },
  { id: 'attack-alie', config: parseConfig(attackAlie) },
  { id: 'dp-fedavg', config: parseConfig(dpFedavg) },
  { id: 'secagg', config: parseConfig(secagg) },
];
