// Quantization of float updates onto the ring Z_{2^32}, as in Flower's SecAggPlusWorkflow (clipping_range 8,
// quantization_range 2^22, modulus_range 2^32) and Bonawitz et al. 2017 §3 (inputs are vectors over Z_R).
import type { Rng } from '../rng';

/** Each clipped coordinate maps into [0, QUANTIZATION_RANGE]. */
export const QUANTIZATION_RANGE = 2 ** 22;
/** Masked vectors live in Z_{2^32}: one Uint32Array slot per coordinate. */
export const RING_MODULUS = 2 ** 32;
/** Most summands whose quantized sum cannot wrap: m·2^22 < 2^32. */
export const MAX_SUMMANDS = Math.floor((RING_MODULUS - 1) / QUANTIZATION_RANGE);

/** Clip one coordinate to [−r, r] (NaN is rejected by the caller; ±∞ clip to ±r). */
export function clip(x: number, clipRange: number): number {
  return Math.min(clipRange, Math.max(-clipRange, x));
}

/** q = stochastic_round((clip(x) + r)·2^22/(2r)); unbiased: E[q] equals the unrounded value. */
export function quantize(x: Float32Array, clipRange: number, rng: Rng): Uint32Array {
  const scale = QUANTIZATION_RANGE / (2 * clipRange);
  const out = new Uint32Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = (clip(x[i], clipRange) + clipRange) * scale;
    const floor = Math.floor(v);
    out[i] = floor + (rng.float() < v - floor ? 1 : 0);
  }
  return out;
}

/** Σ_float = Σq·(2r/2^22) − m·r for a ring sum of m quantized inputs (m = 1 gives the view of one vector). */
export function dequantizeSum(sum: Uint32Array, summands: number, clipRange: number): Float32Array {
  const step = (2 * clipRange) / QUANTIZATION_RANGE;
  const offset = summands * clipRange;
  const out = new Float32Array(sum.length);
  for (let i = 0; i < sum.length; i++) out[i] = sum[i] * step - offset;
  return out;
}
