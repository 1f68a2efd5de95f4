import { rngFor } from '../rng';
import { addGaussianNoise, clipToNorm } from './clip';

/**
 * Gaussian mechanism (Dwork & Roth 2014, Thm A.1): σ = Δ·√(2 ln(1.25/δ))/ε for (ε, δ)-DP with L2 sensitivity Δ.
 * An update clipped to S has Δ = 2S (replace one client's data: the update moves anywhere in the S-ball).
 */
export function gaussianMechanismStd(clipNorm: number, epsilon: number, delta: number): number {
  return (2 * clipNorm * Math.sqrt(2 * Math.log(1.25 / delta))) / epsilon;
}

/** Local DP: the client clips its update to S and adds N(0, σ²) per coordinate before sending it. */
export function localDpUpdate(
  delta: Float32Array,
  p: { clipNorm: number; epsilon: number; delta: number; seed: number; round: number; clientId: number },
): Float32Array {
  const { clipped } = clipToNorm(delta, p.clipNorm);
  const rng = rngFor(p.seed, 'local-dp', p.round, p.clientId);
  addGaussianNoise(clipped, gaussianMechanismStd(p.clipNorm, p.epsilon, p.delta), () => rng.normal());
  return clipped;
}
