// The example experiments, bundled at build time. Adding a preset = a JSON file in examples/ + one line here.
import { parseConfig, type ExperimentConfig } from '../../core/config/schema';
import type { VariantSpec } from '../../core/config/variants';
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
  /** A duel: variants run beside the config (core/config/variants.ts). */
  variants?: VariantSpec[];
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

const example = (id: string): ExperimentConfig => PRESETS.find((p) => p.id === id)!.config;

/**
 * The contrasts an FL lesson is about, each an example experiment with one variant beside it: the same seed, data
 * and initial model, one field apart. What to look for is in the name.
 */
export const DUEL_PRESETS: Preset[] = [
  {
    id: 'duel-signflip',
    config: parseConfig({ ...example('attack-signflip'), name: 'Duel · sign-flipping attackers: FedAvg (mean) collapses, the median holds' }),
    variants: [{ set: { 'aggregator.name': 'median' } }],
    description:
      'Look at the accuracy chart: the mean follows the attackers down to chance from round 1; the median ignores them and ' +
      'learns as if they were absent. The scoreboard keeps the final numbers side by side.',
  },
  {
    id: 'duel-dp',
    config: parseConfig({
      ...example('dp-fedavg'),
      name: 'Duel · central DP: no noise (z = 0) vs z = 1 — accuracy against ε',
      privacy: { ...example('dp-fedavg').privacy, noiseMultiplier: 0 },
    }),
    variants: [{ set: { 'privacy.noiseMultiplier': 1 } }],
    description:
      'Look at the scoreboard: without noise ε is infinite (no guarantee); with z = 1 ε stays finite and grows each round, ' +
      'at the price of a slower, noisier accuracy curve.',
  },
  {
    id: 'duel-noniid',
    config: parseConfig({
      ...example('mnist-dirichlet'),
      name: 'Duel · label skew: nearly IID (α = 100) vs Dirichlet α = 0.1',
      partition: { ...example('mnist-dirichlet').partition, alpha: 100 },
    }),
    variants: [{ set: { 'partition.alpha': 0.1 } }],
    description:
      'Look at the accuracy curves: with α = 0.1 each client holds one or two digits, so the global model learns more ' +
      'slowly and zig-zags; the partition heatmap of each variant shows why.',
  },
];
