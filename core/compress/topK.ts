import { selectInPlace } from '../math/select';

/**
 * Top-k sparsification (Aji & Heafield 2017; Stich et al. 2018): keeps the k coordinates of largest magnitude, in a
 * dense vector with the rest zero. Ties at the k-th magnitude go to the lower indices, so the result is deterministic.
 */
export function topK(v: Float32Array, k: number): Float32Array {
  const d = v.length;
  const out = new Float32Array(d);
  if (k <= 0) return out;
  if (k >= d) {
    out.set(v);
    return out;
  }
  const magnitudes = new Float64Array(d);
  for (let i = 0; i < d; i++) magnitudes[i] = -Math.abs(v[i]); // ascending order of −|v| = descending |v|
  selectInPlace(magnitudes, 0, d - 1, k - 1);
  const threshold = -magnitudes[k - 1];
  let above = 0;
  for (let i = 0; i < d; i++) if (Math.abs(v[i]) > threshold) above++;
  let ties = k - above;
  for (let i = 0; i < d; i++) {
    const m = Math.abs(v[i]);
    if (m > threshold || (m === threshold && ties-- > 0)) out[i] = v[i];
  }
  return out;
}
