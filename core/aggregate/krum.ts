import { byzantineBound, byzantineCount } from './params';
import { pairwiseSquaredDistances } from '../math/pairwise';
import { selectInPlace } from '../math/select';
import { defineAggregator } from './types';
import { toUpdateSet } from './updateSet';

/** Krum's precondition n > 2f + 2, with a message that names n and f. */
export function checkKrumSize(rule: string, n: number, f: number): void {
  if (n <= 2 * f + 2) {
    throw new Error(
      `${rule} needs n > 2f + 2 = ${2 * f + 2} updates, got n = ${n} with f = ${f}: ` +
        'sample more clients per round or lower aggregator.f',
    );
  }
}

/**
 * Krum scores (Blanchard et al. 2017): score(i) = Σ of the `neighbours` smallest squared distances ‖x_i − x_j‖²
 * from candidate i to the other candidates j. `dist` is the full n × n matrix; scores follow `candidates`' order.
 */
export function krumScores(
  dist: Float64Array,
  n: number,
  candidates: readonly number[],
  neighbours: number,
): Float64Array {
  const scores = new Float64Array(candidates.length);
  if (neighbours <= 0) return scores;
  const others = new Float64Array(candidates.length - 1);
  candidates.forEach((i, a) => {
    let m = 0;
    for (const j of candidates) if (j !== i) others[m++] = dist[i * n + j];
    selectInPlace(others, 0, m - 1, neighbours - 1);
    let s = 0;
    for (let t = 0; t < neighbours; t++) s += others[t];
    scores[a] = s;
  });
  return scores;
}

/** Position of the lowest score; ties go to the first (lowest index, as candidates are in client-id order). */
export function argmin(scores: Float64Array): number {
  let best = 0;
  for (let a = 1; a < scores.length; a++) if (scores[a] < scores[best]) best = a;
  return best;
}

/** Krum (Blanchard et al. 2017): the update with the lowest score over its n − f − 2 nearest neighbours. */
export const krum = defineAggregator({
  name: 'krum',
  label: 'Krum',
  help: 'The one update with the smallest sum of squared distances to its n − f − 2 nearest others (Blanchard et al. 2017).',
  params: { f: byzantineCount },
  roundNeeds: ({ f }) => [byzantineBound('Krum', 2, 3, f)],
  create: ({ f }) => ({
    name: 'krum',
    aggregate(updates, ctx) {
      const { ids, vectors } = toUpdateSet(updates);
      const n = ids.length;
      checkKrumSize('krum', n, f);
      const all = ids.map((_, i) => i);
      const best = argmin(krumScores(pairwiseSquaredDistances(vectors), n, all, n - f - 2));
      ids.forEach((id, i) => ctx.onDecision?.(id, { selected: i === best }));
      return vectors[best].slice();
    },
  }),
});
