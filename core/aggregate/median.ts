import { trimAndReport } from './trimmedMean';
import { defineAggregator } from './types';
import { toUpdateSet } from './updateSet';

/**
 * Coordinate-wise median (Yin et al. 2018); even n: mean of the two middle values. It is the trimmed mean that cuts
 * floor((n−1)/2) values per tail, so it shares that kernel.
 */
export const median = defineAggregator({
  name: 'median',
  label: 'Coordinate-wise median',
  help: 'Per coordinate, the median of the updates (Yin et al. 2018); even n: the mean of the two middle values.',
  params: {},
  create: () => ({
    name: 'median',
    aggregate(updates, ctx) {
      const set = toUpdateSet(updates);
      return trimAndReport(set, Math.floor((set.ids.length - 1) / 2), ctx);
    },
  }),
});
