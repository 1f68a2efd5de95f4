// The aggregators and pre-aggregators FedStudio offers: one line each. The config's aggregator section, the CLI's
// --set, the share URL and the studio's fields are assembled from these lists (core/config/schema.ts, app/lib/fields.ts).
import type { ExperimentConfig } from '../config/schema';
import { findPlugin } from '../plugin';
import { arc } from './arc';
import { bucketing } from './bucketing';
import { bulyan } from './bulyan';
import { centeredClipping } from './centeredClipping';
import { geometricMedian } from './geometricMedian';
import { krum } from './krum';
import { mean } from './mean';
import { mda } from './mda';
import { meamed } from './meamed';
import { median } from './median';
import { monna } from './monna';
import { multiKrum } from './multiKrum';
import { nnm } from './nnm';
import { normBound } from './normBound';
import { trimmedMean } from './trimmedMean';
import type { Aggregator, AggregatorEnv } from './types';

/** In the studio's order; the first is the default. */
export const AGGREGATOR_PLUGINS = [
  mean,
  median,
  trimmedMean,
  meamed,
  krum,
  multiKrum,
  bulyan,
  mda,
  monna,
  geometricMedian,
  centeredClipping,
  normBound,
] as const;

/**
 * Each is switched on by aggregator.<name>; those on wrap the aggregator in this order (the first sees the raw updates,
 * as ByzFL applies its pre-aggregator list in order): clipping bounds each client's own update, mixing then averages
 * neighbours, and bucketing, which merges clients, comes last so the others see one update per client.
 */
export const PRE_AGGREGATOR_PLUGINS = [arc, nnm, bucketing] as const;

/** A fresh instance of the configured aggregator, behind the pre-aggregators switched on. */
export function createAggregator(section: ExperimentConfig['aggregator'], env: AggregatorEnv): Aggregator {
  let aggregator = findPlugin(AGGREGATOR_PLUGINS, section.name, 'aggregator').create(section as never, env);
  for (const pre of [...PRE_AGGREGATOR_PLUGINS].reverse()) {
    if (section[pre.name]) aggregator = pre.create(section as never, env)(aggregator);
  }
  return aggregator;
}
