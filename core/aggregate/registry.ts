import type { ExperimentConfig } from '../config/schema';
import { createBulyanAggregator } from './bulyan';
import { createCenteredClippingAggregator } from './centeredClipping';
import { createGeometricMedianAggregator } from './geometricMedian';
import { createKrumAggregator } from './krum';
import { createMeanAggregator } from './mean';
import { createMedianAggregator } from './median';
import { createMultiKrumAggregator } from './multiKrum';
import { withNnm } from './nnm';
import { createNormBoundAggregator } from './normBound';
import { createTrimmedMeanAggregator } from './trimmedMean';
import type { Aggregator, AggregatorName } from './types';

/** One line per aggregator. Factories get the whole config and return a fresh (possibly stateful) instance per run. */
export const aggregators: Record<AggregatorName, (config: ExperimentConfig) => Aggregator> = {
  mean: createMeanAggregator,
  median: createMedianAggregator,
  'trimmed-mean': createTrimmedMeanAggregator,
  krum: createKrumAggregator,
  'multi-krum': createMultiKrumAggregator,
  bulyan: createBulyanAggregator,
  'geometric-median': createGeometricMedianAggregator,
  'centered-clipping': createCenteredClippingAggregator,
  'norm-bound': createNormBoundAggregator,
};

/** The configured aggregator, behind NNM pre-aggregation when `aggregator.nnm` is set. */
export function createAggregator(config: ExperimentConfig): Aggregator {
  const factory = aggregators[config.aggregator.name];
  if (!factory) throw new Error(`unknown aggregator "${config.aggregator.name}"`);
  const aggregator = factory(config);
  return config.aggregator.nnm ? withNnm(config.aggregator.f)(aggregator) : aggregator;
}
