/** Scales `v` to L2 norm at most `bound`: v · min(1, bound/‖v‖) (McMahan et al. 2018). Returns a new vector. */
export function clipToNorm(v: Float32Array, bound: number): { clipped: Float32Array; norm: number } {
  let sq = 0;
  for (let i = 0; i < v.length; i++) sq += v[i] * v[i];
  const norm = Math.sqrt(sq);
  const factor = norm > bound ? bound / norm : 1;
  return { clipped: factor === 1 ? v.slice() : v.map((x) => x * factor), norm };
}

/** Adds N(0, std²) to every coordinate of `v` in place, drawing from `normal`. */
export function addGaussianNoise(v: Float32Array | Float64Array, std: number, normal: () => number): void {
  if (std === 0) return;
  for (let i = 0; i < v.length; i++) v[i] += std * normal();
}
