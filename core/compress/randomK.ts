import type { Rng } from '../rng';

/**
 * Random-k sparsification (Stich et al. 2018): keeps k coordinates drawn uniformly without replacement, unscaled
 * (the contractive form used with error feedback). The client sends the values and the 4-byte seed of `rng`.
 */
export function randomK(v: Float32Array, k: number, rng: Rng): Float32Array {
  const out = new Float32Array(v.length);
  for (const i of rng.sampleWithoutReplacement(v.length, Math.min(k, v.length))) out[i] = v[i];
  return out;
}
