// The arithmetic of DP-SGD (Abadi et al. 2016, Algorithm 1) with Opacus's semantics (opacus/optimizers/optimizer.py:
// clip_and_accumulate, add_noise, scale_grad), on flat gradients in layout order.
import { l2Norm } from '../math/vector';
import { addGaussianNoise } from '../privacy/clip';
import type { Rng } from '../rng';

/** Opacus's stabiliser in the clip factor. */
const CLIP_EPSILON = 1e-6;

/** Per-example clip factor min(1, C / (‖g‖ + 1e-6)). */
export function clipFactor(norm: number, clipNorm: number): number {
  return Math.min(1, clipNorm / (norm + CLIP_EPSILON));
}

/** sum += clipFactor(‖g‖, C) · g. */
export function clipAndAccumulate(g: Float32Array, clipNorm: number, sum: Float64Array): void {
  const factor = clipFactor(l2Norm(g), clipNorm);
  for (let i = 0; i < g.length; i++) sum[i] += factor * g[i];
}

/**
 * Multiplies row i of `rows` (count × width, row-major) by clipFactor(√squaredNorms[i], C). Applied to dL/dlogits,
 * whose rows are the examples' own ∂ℓᵢ/∂logitsᵢ, a backward pass of the batch then yields Σᵢ clip(gᵢ), the gradient
 * being linear in each row: the reweighted second backward pass of Lee & Kifer 2021 (Opacus's ghost clipping).
 */
export function clipRows(rows: Float32Array, width: number, squaredNorms: Float64Array, clipNorm: number): void {
  squaredNorms.forEach((sq, i) => {
    const factor = clipFactor(Math.sqrt(sq), clipNorm);
    for (let c = i * width; c < (i + 1) * width; c++) rows[c] *= factor;
  });
}

/**
 * out = scale · (sum + z), z ~ N(0, noiseStd²) per coordinate drawn from `rng` in coordinate order (sum is left
 * noised). DP-SGD uses noiseStd = σ·C and scale = 1 / expected batch size.
 */
export function noisyScaledSum(sum: Float64Array, noiseStd: number, scale: number, rng: Rng, out: Float32Array): void {
  addGaussianNoise(sum, noiseStd, () => rng.normal());
  for (let i = 0; i < sum.length; i++) out[i] = scale * sum[i];
}
