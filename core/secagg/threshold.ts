// The Shamir threshold t of a round. Bonawitz et al. 2017 §4: t holders recover a secret, fewer learn nothing; with
// t > h/2 two disjoint sets of t holders cannot exist, so a server cannot collect both t b_u-shares and t s_u^SK-shares
// from holders that each reveal only one of them. Bell et al. 2020 apply t per neighbourhood; Flower's
// SecAggPlusWorkflow floors t at 2.

/** t = max(2, ⌈fraction · h⌉) for h share holders, fraction ∈ (1/2, 1]. */
export function shamirThreshold(fraction: number, holders: number): number {
  if (!(fraction > 0.5 && fraction <= 1)) {
    throw new RangeError(`secureAggregation.thresholdFraction must be in (0.5, 1], got ${fraction}`);
  }
  // The 1e-9 keeps e.g. 0.7·10 = 7.000000000000001 from rounding up to 8.
  return Math.max(2, Math.ceil(fraction * holders - 1e-9));
}
