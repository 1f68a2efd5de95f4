import { meanOfRows } from '../math/combine';
import { byzantineBound, byzantineCount } from './params';
import { pairwiseSquaredDistances } from '../math/pairwise';
import { defineAggregator } from './types';
import { toUpdateSet } from './updateSet';

/** The most subsets of n − f updates MDA enumerates in one round; more is refused. */
export const MDA_MAX_SUBSETS = 1_000_000;

/** C(n, k) as a double, exact far beyond the 10⁶ MDA accepts (each partial product C(n − r + i, i) is whole). */
export function binomial(n: number, k: number): number {
  const r = Math.min(k, n - k);
  if (r < 0) return 0;
  let c = 1;
  for (let i = 1; i <= r; i++) c = (c * (n - r + i)) / i;
  return Math.round(c);
}

/**
 * The rows of the subset of `size` rows with the smallest diameter (largest pairwise squared distance), in index
 * order; among equal diameters the first in lexicographic order of row indices (the lowest client ids), as ByzFL's
 * enumeration with a strict "<". Enumerates the f = n − size rows left out instead, in lexicographic order: the
 * diameter of the rest is the first pair, by decreasing distance, that touches none of them (usually a few steps), and
 * of two leave-outs the later one keeps the lexicographically first rows, so a tie goes to the later.
 */
export function minimumDiameterSubset(dist: Float64Array, n: number, size: number): { rows: number[]; diameter: number } {
  const f = n - size;
  if (!(f >= 0 && size >= 1)) throw new Error(`cannot choose ${size} of ${n} updates`);
  // Pairs i < j as i·n + j (their index in dist), farthest first.
  const pairs = new Uint32Array((n * (n - 1)) / 2);
  let p = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) pairs[p++] = i * n + j;
  pairs.sort((a, b) => dist[b] - dist[a]);
  const out = new Uint8Array(n);
  const diameterOfRest = (): number => {
    for (const pair of pairs) {
      const i = Math.floor(pair / n);
      if (!out[i] && !out[pair - i * n]) return dist[pair];
    }
    return 0;
  };
  const left = Array.from({ length: f }, (_, t) => t);
  let best = Infinity;
  let bestLeft = left.slice();
  for (;;) {
    for (const i of left) out[i] = 1;
    const diameter = diameterOfRest();
    for (const i of left) out[i] = 0;
    if (diameter <= best) {
      best = diameter;
      bestLeft = left.slice();
    }
    // The next f-subset in lexicographic order.
    let t = f - 1;
    while (t >= 0 && left[t] === n - f + t) t--;
    if (t < 0) break;
    left[t]++;
    for (let u = t + 1; u < f; u++) left[u] = left[u - 1] + 1;
  }
  for (const i of bestLeft) out[i] = 1;
  const rows = Array.from({ length: n }, (_, i) => i).filter((i) => !out[i]);
  return { rows, diameter: best };
}

/**
 * Minimum-Diameter Averaging (El Mhamdi et al. 2020, "Genuinely distributed Byzantine machine learning", the
 * reference of ByzFL's MDA): the unweighted mean of the n − f updates whose largest pairwise distance is smallest,
 * searched over the C(n, n − f) = C(n, f) subsets; a round with more than 10⁶ of them is refused, with n and f.
 */
export const mda = defineAggregator({
  name: 'mda',
  label: 'Minimum-diameter averaging (MDA)',
  help: 'The mean of the n − f updates with the smallest diameter (largest pairwise distance), searched over all C(n, f) subsets, at most 10⁶ (El Mhamdi et al. 2020, ByzFL MDA).',
  params: { f: byzantineCount },
  roundNeeds: ({ f }) => [byzantineBound('MDA', 2, 1, f)],
  create: ({ f }) => ({
    name: 'mda',
    aggregate(updates, ctx) {
      const { ids, vectors, dim } = toUpdateSet(updates);
      const n = ids.length;
      if (n < 2 * f + 1) {
        throw new Error(
          `mda needs n ≥ 2f + 1 = ${2 * f + 1} updates, got n = ${n} with f = ${f}: ` +
            'sample more clients per round or lower aggregator.f',
        );
      }
      const subsets = binomial(n, f);
      if (subsets > MDA_MAX_SUBSETS) {
        throw new Error(
          `mda would search C(n, f) = C(${n}, ${f}) = ${formatCount(subsets)} subsets of n − f = ${n - f} updates ` +
            `(n = ${n}, f = ${f}), more than the ${MDA_MAX_SUBSETS.toLocaleString('en-US')} it enumerates: ` +
            'lower aggregator.f or sample fewer clients per round',
        );
      }
      const { rows } = minimumDiameterSubset(pairwiseSquaredDistances(vectors), n, n - f);
      const chosen = new Set(rows);
      ids.forEach((id, i) => ctx.onDecision?.(id, { selected: chosen.has(i) }));
      return meanOfRows(vectors, rows, dim);
    },
  }),
});

/** A subset count as digits up to 10¹², else in scientific notation (e.g. 1.21e+149). */
function formatCount(c: number): string {
  return c < 1e12 ? c.toLocaleString('en-US') : c.toExponential(2);
}
