import type { RoundMetrics } from '../../core/engine/types';
import { formatPercent } from '../components/viz';
import { formatNumber } from '../components/viz/format';

/** A per-round curve the compare page can overlay. Adding one = one entry here. */
export interface CompareMetric {
  id: string;
  title: string;
  units: string;
  value: (round: RoundMetrics) => number;
  format: (v: number) => string;
  /** Fixed y range and its tick labels (accuracies); otherwise both fitted to the data. */
  fixedAxis?: { domain: [number, number]; tick: (v: number) => string };
}

const PERCENT_AXIS = { domain: [0, 1] as [number, number], tick: (v: number) => formatPercent(v, 0) };

// ε joins this list once the engine reports it per round.
export const COMPARE_METRICS: readonly CompareMetric[] = [
  {
    id: 'test-accuracy',
    title: 'Test accuracy',
    units: 'global model on the held-out set, vs round',
    value: (r) => r.testAccuracy,
    format: (v) => formatPercent(v),
    fixedAxis: PERCENT_AXIS,
  },
  {
    id: 'test-loss',
    title: 'Test loss',
    units: 'cross-entropy, vs round',
    value: (r) => r.testLoss,
    format: (v) => formatNumber(v, 4),
  },
  {
    id: 'federated-accuracy',
    title: 'Federated accuracy',
    units: 'sampled clients on their own data, vs round',
    value: (r) => r.federatedAccuracy,
    format: (v) => formatPercent(v),
    fixedAxis: PERCENT_AXIS,
  },
  {
    id: 'attack-success',
    title: 'Attack success',
    units: 'backdoor or targeted label-flip success rate, vs round (runs with such an attack)',
    value: (r) => r.attackSuccess ?? NaN,
    format: (v) => formatPercent(v),
    fixedAxis: PERCENT_AXIS,
  },
];
