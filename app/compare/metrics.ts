import type { RoundMetrics } from '../../core/report/metrics';
import { PERCENT_AXIS, byteAxis, type ValueAxis } from '../components/viz/axisTicks';
import { formatPercent } from '../components/viz';
import { formatBytes, formatEpsilon, formatNumber } from '../components/viz/format';

/** A per-round curve the compare page can overlay. Adding one = one entry here. */
export interface CompareMetric {
  id: string;
  title: string;
  units: string;
  value: (round: RoundMetrics) => number;
  format: (v: number) => string;
  /** Fixed y range and its tick labels (accuracies); otherwise both fitted to the data. */
  fixedAxis?: ValueAxis;
  /** A y axis fitted to the data's largest value in the metric's own units (bytes); default: plain numbers. */
  axisFor?: (max: number) => ValueAxis;
}

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
  {
    id: 'epsilon',
    title: 'Privacy spent ε',
    units: 'client-level ε at the run’s δ, vs round (runs with central or local DP)',
    value: (r) => r.epsilon ?? NaN,
    format: formatEpsilon,
  },
  {
    id: 'example-epsilon',
    title: 'Privacy spent per example ε',
    units: 'DP-SGD ε of the worst client at the run’s δ, vs round (runs with DP-SGD)',
    value: (r) => r.exampleEpsilon ?? NaN,
    format: formatEpsilon,
  },
  {
    id: 'bytes-up',
    title: 'Uplink bytes',
    units: 'client → server bytes per round (compression and SecAgg change it)',
    value: (r) => (r.round === 0 ? NaN : r.bytesUp),
    format: formatBytes,
    axisFor: byteAxis,
  },
];
