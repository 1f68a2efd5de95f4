import { z } from 'zod';
import { param } from '../plugin';
import { meanOfRows } from '../math/combine';
import { checkKrumSize, krumScores } from './krum';
import { byzantineBound, byzantineCount } from './params';
import { pairwiseSquaredDistances } from '../math/pairwise';
import { defineAggregator, type RoundNeed } from './types';
import { toUpdateSet } from './updateSet';

/** Multi-Krum (Blanchard et al. 2017): unweighted mean of the m lowest-Krum-score updates, m = n − f by default. */
export const multiKrum = defineAggregator({
  name: 'multi-krum',
  label: 'Multi-Krum',
  help: 'The unweighted mean of the m updates with the lowest Krum scores, m = n − f by default (Blanchard et al. 2017).',
  params: {
    f: byzantineCount,
    multiKrumM: param(z.number().int().min(1).max(500).optional(), {
      label: 'Multi-Krum m',
      help: 'Average the m updates with the lowest Krum scores, of the round’s n updates.',
      defaultLabel: 'n − f',
    }),
  },
  roundNeeds: ({ f, multiKrumM: m }) => [
    byzantineBound('Multi-Krum', 2, 3, f),
    ...(m === undefined ? [] : [mNeed(m)]),
  ],
  create: ({ f, multiKrumM }) => ({
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
  }),
});

function mNeed(m: number): RoundNeed {
  return {
    param: 'multiKrumM',
    need: m,
    why: `Multi-Krum averages the m = ${m} best of the round's updates`,
    fix: (n, sampleMore) => `lower aggregator.multiKrumM to ≤ ${n} (or unset it: n − f) or ${sampleMore}`,
  };
}
