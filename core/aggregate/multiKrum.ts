import type { ExperimentConfig } from '../config/schema';
import { meanOfRows } from './combine';
import { checkKrumSize, krumScores } from './krum';
import { pairwiseSquaredDistances } from './pairwise';
import type { Aggregator } from './types';
import { toUpdateSet } from './updateSet';

/** m while aggregator.multiKrumM is unset, as the studio names it: n − f of the round's n updates. */
export const MULTI_KRUM_M_DEFAULT_LABEL = 'n − f';

/** Multi-Krum (Blanchard et al. 2017): unweighted mean of the m lowest-Krum-score updates, m = n − f by default. */
export function createMultiKrumAggregator(config: ExperimentConfig): Aggregator {
  const { f, multiKrumM } = config.aggregator;
  return {
    name: 'multi-krum',
    aggregate(updates, ctx) {
      const { ids, vectors, dim } = toUpdateSet(updates);
      const n = ids.length;
      checkKrumSize('multi-krum', n, f);
      const m = multiKrumM ?? n - f;
      if (m > n) throw new Error(`multi-krum: aggregator.multiKrumM = ${m} exceeds the ${n} updates of round ${ctx.round}`);
      const all = ids.map((_, i) => i);
      const scores = krumScores(pairwiseSquaredDistances(vectors), n, all, n - f - 2);
      // Lowest scores first, ties to the lowest index; then back to index order so the sum order is fixed.
      const chosen = all
        .sort((a, b) => scores[a] - scores[b] || a - b)
        .slice(0, m)
        .sort((a, b) => a - b);
      const isChosen = new Set(chosen);
      ids.forEach((id, i) => ctx.onDecision?.(id, { selected: isChosen.has(i) }));
      return meanOfRows(vectors, chosen, dim);
    },
  };
}
