import { forEachColumnBlock } from '../math/columns';
import { byzantineBound, byzantineCount } from './params';
import { medianInPlace, selectInPlace } from '../math/select';
import { defineAggregator } from './types';
import { toUpdateSet } from './updateSet';

/**
 * Per coordinate, the mean of the `kept` values closest to the coordinate median (even n: the mean of the two middle
 * values, as numpy's median). Ties at the cut go to the rows in order, i.e. the lowest client ids. dropped[i] counts
 * the coordinates where row i's value was left out. Accumulated in Float64.
 */
export function meanAroundMedian(
  vectors: readonly Float32Array[],
  dim: number,
  kept: number,
  dropped?: Float64Array,
): Float32Array {
  const n = vectors.length;
  if (!(kept >= 1 && kept <= n)) throw new Error(`cannot keep ${kept} of ${n} values per coordinate`);
  const out = new Float32Array(dim);
  const work = new Float64Array(n);
  const gap = new Float64Array(n);
  forEachColumnBlock(vectors, dim, (block, start, width) => {
    for (let c = 0; c < width; c++) {
      const off = c * n;
      for (let i = 0; i < n; i++) work[i] = block[off + i];
      const median = medianInPlace(work, n);
      for (let i = 0; i < n; i++) work[i] = gap[i] = Math.abs(block[off + i] - median);
      selectInPlace(work, 0, n - 1, kept - 1);
      const cut = work[kept - 1];
      // Strictly inside the cut first (in row order), then rows at the cut until `kept` values are in.
      let inside = 0;
      for (let i = 0; i < n; i++) if (gap[i] < cut) inside++;
      let atCut = kept - inside;
      let sum = 0;
      for (let i = 0; i < n; i++) {
        if (gap[i] < cut) {
          sum += block[off + i];
        } else if (gap[i] === cut && atCut > 0) {
          sum += block[off + i];
          atCut--;
        } else if (dropped) {
          dropped[i]++;
        }
      }
      out[start + c] = sum / kept;
    }
  });
  return out;
}

/**
 * Meamed, mean around median (Xie et al. 2018, "Generalized Byzantine-tolerant SGD"; ByzFL's Meamed): per coordinate
 * the mean of the n − f values closest to the coordinate median. Unweighted, as every robust rule here.
 */
export const meamed = defineAggregator({
  name: 'meamed',
  label: 'Meamed (mean around median)',
  help: 'Per coordinate, the mean of the n − f values closest to the coordinate median (Xie et al. 2018, ByzFL Meamed).',
  params: { f: byzantineCount },
  roundNeeds: ({ f }) => [byzantineBound('Meamed', 2, 1, f)],
  create: ({ f }) => ({
    name: 'meamed',
    aggregate(updates, ctx) {
      const { ids, vectors, dim } = toUpdateSet(updates);
      const n = ids.length;
      if (n < 2 * f + 1) {
        throw new Error(
          `meamed needs n ≥ 2f + 1 = ${2 * f + 1} updates, got n = ${n} with f = ${f}: ` +
            'sample more clients per round or lower aggregator.f',
        );
      }
      const dropped = ctx.onDecision ? new Float64Array(n) : undefined;
      const out = meanAroundMedian(vectors, dim, n - f, dropped);
      if (dropped) ids.forEach((id, i) => ctx.onDecision?.(id, { trimmedFraction: dropped[i] / dim }));
      return out;
    },
  }),
});
