import type { Rng } from '../rng';

/**
 * QSGD stochastic uniform quantization (Alistarh et al. 2017): with s = 2^bits − 1 levels,
 * Q(v_i) = ‖v‖₂ · sign(v_i) · ξ_i, ξ_i = l/s or (l+1)/s where l = ⌊s·|v_i|/‖v‖⌋, rounding up with probability
 * s·|v_i|/‖v‖ − l. Unbiased: E[Q(v)] = v. Zero coordinates stay zero (a sparse vector stays sparse). Returns the
 * dequantized vector the server reconstructs.
 */
export function qsgd(v: Float32Array, bits: number, rng: Rng): Float32Array {
  const s = 2 ** bits - 1;
  let sq = 0;
  for (let i = 0; i < v.length; i++) sq += v[i] * v[i];
  const norm = Math.sqrt(sq);
  const out = new Float32Array(v.length);
  if (norm === 0) return out;
  for (let i = 0; i < v.length; i++) {
    if (v[i] === 0) continue;
    const scaled = (s * Math.abs(v[i])) / norm;
    const level = Math.floor(scaled);
    const xi = (rng.float() < scaled - level ? level + 1 : level) / s;
    out[i] = Math.sign(v[i]) * norm * xi;
  }
  return out;
}
