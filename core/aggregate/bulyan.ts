import { argmin, krumScores } from './krum';
import { meanAroundMedian } from './meamed';
import { byzantineBound, byzantineCount } from './params';
import { pairwiseSquaredDistances } from '../math/pairwise';
import { defineAggregator } from './types';
import { toUpdateSet } from './updateSet';

/**
 * Bulyan (El Mhamdi et al. 2018): θ = n − 2f rounds of Krum on the remaining updates each move their pick to the
 * selection; then per coordinate the mean of the β = θ − 2f selected values closest to the selection's median.
 */
export const bulyan = defineAggregator({
  name: 'bulyan',
  label: 'Bulyan',
  help: 'n − 2f picks by repeated Krum, then per coordinate the mean of the n − 4f values nearest their median (El Mhamdi et al. 2018).',
  params: { f: byzantineCount },
  roundNeeds: ({ f }) => [byzantineBound('Bulyan', 4, 3, f)],
  create: ({ f }) => ({
    name: 'bulyan',
    aggregate(updates, ctx) {
      const { ids, vectors, dim } = toUpdateSet(updates);
      const n = ids.length;
      if (n < 4 * f + 3) {
        throw new Error(
          `bulyan needs n ≥ 4f + 3 = ${4 * f + 3} updates, got n = ${n} with f = ${f}: ` +
            'sample more clients per round or lower aggregator.f',
        );
      }
      const selected = krumSelection(pairwiseSquaredDistances(vectors), n, f, n - 2 * f).sort((a, b) => a - b);
      const dropped = new Float64Array(selected.length);
      const out = meanAroundMedian(
        selected.map((i) => vectors[i]),
        dim,
        selected.length - 2 * f,
        dropped,
      );
      const position = new Map(selected.map((row, s) => [row, s]));
      ids.forEach((id, i) => {
        const s = position.get(i);
        ctx.onDecision?.(id, { selected: s !== undefined, trimmedFraction: s === undefined ? 1 : dropped[s] / dim });
      });
      return out;
    },
  }),
});

/** Rows picked by `count` rounds of Krum, each on the rows not yet picked, in pick order. */
function krumSelection(dist: Float64Array, n: number, f: number, count: number): number[] {
  const remaining = Array.from({ length: n }, (_, i) => i);
  const picked: number[] = [];
  for (let t = 0; t < count; t++) {
    const r = remaining.length;
    // The last picks have fewer than f + 3 candidates, where Krum's r − f − 2 would be < 1: use the nearest one.
    const neighbours = Math.min(Math.max(r - f - 2, 1), r - 1);
    const best = argmin(krumScores(dist, n, remaining, neighbours));
    picked.push(remaining[best]);
    remaining.splice(best, 1);
  }
  return picked;
}
