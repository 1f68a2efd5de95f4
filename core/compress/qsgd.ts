import type { Rng } from '../rng';

/** Values per bucket, each bucket quantized against its own norm (QSGD's bucketing, d = 512 in the paper's runs). */
export const QSGD_BUCKET = 512;

/**
 * QSGD stochastic uniform quantization (Alistarh et al. 2017): with s = 2^bits − 1 levels and a bucket's norm ‖b‖,
 * Q(v_i) = ‖b‖ · sign(v_i) · ξ_i, ξ_i = l/s or (l+1)/s where l = ⌊s·|v_i|/‖b‖⌋, rounding up with probability
 * s·|v_i|/‖b‖ − l. Unbiased: E[Q(v)] = v, with variance ≤ min(n/s², √n/s)·‖b‖² per bucket of n values. Buckets are
 * QSGD_BUCKET consecutive non-zero coordinates, so a sparsified vector is quantized over what it kept. Returns the
 * dequantized vector the server reconstructs.
 */
export function qsgd(v: Float32Array, bits: number, rng: Rng): Float32Array {
  const s = 2 ** bits - 1;
  const out = new Float32Array(v.length);
  const bucket: number[] = [];
  const flush = () => {
    let sq = 0;
    for (const i of bucket) sq += v[i] * v[i];
    const norm = Math.sqrt(sq);
    for (const i of bucket) {
      const scaled = (s * Math.abs(v[i])) / norm;
      const level = Math.floor(scaled);
      const xi = (rng.float() < scaled - level ? level + 1 : level) / s;
      out[i] = Math.sign(v[i]) * norm * xi;
    }
    bucket.length = 0;
  };
  for (let i = 0; i < v.length; i++) {
    if (v[i] === 0) continue;
    bucket.push(i);
    if (bucket.length === QSGD_BUCKET) flush();
  }
  if (bucket.length > 0) flush();
  return out;
}
