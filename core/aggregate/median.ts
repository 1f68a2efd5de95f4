import { trimAndReport } from './trimmedMean';
import type { Aggregator } from './types';
import { toUpdateSet } from './updateSet';

/**
 * Coordinate-wise median (Yin et al. 2018); even n: mean of the two middle values. It is the trimmed mean that cuts
 * floor((n−1)/2) values per tail, so it shares that kernel.
 */
export function createMedianAggregator(): Aggregator {
  return {
    name: 'median',
    aggregate(updates, ctx) {
      const set = toUpdateSet(updates);
      return trimAndReport(set, Math.floor((set.ids.length - 1) / 2), ctx);
    },
  };
}
