import { meanOfRows } from '../math/combine';
import { byzantineBound, byzantineCount } from './params';
import { defineAggregator } from './types';
import { toUpdateSet } from './updateSet';

/**
 * MoNNA (Farhadkhani et al. 2023, "Robust collaborative learning with linear gradient overhead"; ByzFL's MoNNA): the
 * unweighted mean of the n − f updates nearest to a pivot update, the pivot itself included (distance 0). ByzFL's
 * pivot is a worker trusted to be honest (idx, default 0), a peer-to-peer setting where each honest node pivots on its
 * own vector; a federated server trusts no client, so FedStudio pivots deterministically on the round's lowest client
 * id, which may itself be Byzantine (then the result follows it). Other ties: the lowest client id.
 */
export const monna = defineAggregator({
  name: 'monna',
  label: 'MoNNA (mean of nearest neighbours)',
  help: "The mean of the n − f updates nearest to a pivot, here the round's lowest client id, which MoNNA trusts to be honest (Farhadkhani et al. 2023, ByzFL MoNNA).",
  params: { f: byzantineCount },
  roundNeeds: ({ f }) => [byzantineBound('MoNNA', 2, 1, f)],
  create: ({ f }) => ({
    name: 'monna',
    aggregate(updates, ctx) {
      const { ids, vectors, dim } = toUpdateSet(updates);
      const n = ids.length;
      if (n < 2 * f + 1) {
        throw new Error(
          `monna needs n ≥ 2f + 1 = ${2 * f + 1} updates, got n = ${n} with f = ${f}: ` +
            'sample more clients per round or lower aggregator.f',
        );
      }
      const nearest = nearestTo(vectors, 0, n - f);
      const chosen = new Set(nearest);
      ids.forEach((id, i) => ctx.onDecision?.(id, { selected: chosen.has(i) }));
      return meanOfRows(vectors, nearest, dim);
    },
  }),
});

/**
 * The `count` rows nearest to row `pivot` (itself first: distance 0; ties to the lower row), in row order. Only the
 * n distances to the pivot are needed, so they are summed directly (Float64), not taken from a Gram matrix.
 */
function nearestTo(vectors: readonly Float32Array[], pivot: number, count: number): number[] {
  const p = vectors[pivot];
  const dist = vectors.map((x) => {
    let s = 0;
    for (let k = 0; k < x.length; k++) s += (x[k] - p[k]) ** 2;
    return s;
  });
  const others = vectors.map((_, j) => j).filter((j) => j !== pivot);
  others.sort((a, b) => dist[a] - dist[b] || a - b);
  return [pivot, ...others.slice(0, count - 1)].sort((a, b) => a - b);
}
