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
  /** What the preset shows and what to look for (the preset menu's tooltip). */
  description?: string;
}

export const PRESETS: Preset[] = [
  { id: 'mnist-iid', config: parseConfig(mnistIid) },
  { id: 'mnist-dirichlet', config: parseConfig(mnistDirichlet) },
  { id: 'moons-drift', config: parseConfig(moonsDrift) },
  { id: 'attack-signflip', config: parseConfig(attackSignflip) },
  { id: 'attack-backdoor', config: parseConfig(attackBackdoor) },
  {
    id: 'attack-alie',
    config: parseConfig(attackAlie),
    // Numbers from `fedstudio run examples/attack-alie.json` (seed 42; seeds 1 and 2 alike), see docs/adversaries.md.
    description:
      'A Little Is Enough: 20 of the 50 clients send the honest mean + 3 standard deviations per coordinate. ' +
      'The trimmed mean drops only the 10 most extreme values at each end, so half the attackers stay in and pull ' +
      'every coordinate the same way each round. Look for: test accuracy about 78% after 10 rounds, against about ' +
      '90% with the attack set to none, with a dip to about 66% at round 3.',
  },
  { id: 'dp-fedavg', config: parseConfig(dpFedavg) },
  { id: 'secagg', config: parseConfig(secagg) },
];
