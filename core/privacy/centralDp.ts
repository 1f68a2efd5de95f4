import { clippedCountStddev, clientsPerRound } from '../config/derived';
import { type ExperimentConfig } from '../config/schema';
import { rngFor } from '../rng';
import { addGaussianNoise, clipToNorm } from './clip';

/** Clip norm before any is set: 1 for fixed clipping, TFF's C₀ = 0.1 for adaptive clipping. */
export function initialClipNorm(privacy: ExperimentConfig['privacy']): number {
  return privacy.clipNorm ?? (privacy.clipping === 'adaptive' ? 0.1 : 1);
}

/**
 * The noise multiplier left for the update when adaptive clipping spends part of z on the clipped count
 * (Andrew et al. 2021, §3): z_Δ = (z⁻² − (2σ_b)⁻²)^(−1/2). Fixed clipping keeps z.
 */
export function updateNoiseMultiplier(z: number, sigmaB: number | null): number {
  if (sigmaB === null || z === 0) return z;
  const rest = z ** -2 - (2 * sigmaB) ** -2;
  if (!(rest > 0)) throw new Error(`adaptive clipping needs z < 2·σ_b (z = ${z}, σ_b = ${sigmaB})`);
  return rest ** -0.5;
}

/** What one client sends under central DP: its update clipped to the round's norm, and the clipped-count bit. */
export interface ClippedUpdate {
  clipped: Float32Array;
  /** b_k = 1[‖Δ_k‖ ≤ C] − 0.5 (adaptive clipping's unclipped indicator, centred). */
  unclippedBit: number;
}

/**
 * Client-level DP-FedAvg (McMahan et al. 2018; TFF `DifferentiallyPrivateFactory.gaussian_fixed/_adaptive`): clip each
 * update to C, sum, add N(0, (z_Δ·C)²), divide by the expected clients per round m. Adaptive clipping then moves C
 * towards the target quantile of update norms: b̄ = clip₀¹((Σb_k + N(0, σ_b²))/m + 0.5), C ← C·exp(−η(b̄ − γ)).
 * Noise: rngFor(seed, 'dp-noise', round) for the update, rngFor(seed, 'dp-clip-count', round) for the count.
 */
export class CentralDp {
  private clipNorm: number;
  private readonly expectedClients: number;
  private readonly sigmaB: number | null;
  private readonly zUpdate: number;

  /** `clipNorm`: where to start (a live change keeps the norm adaptive clipping has reached); unset = initialClipNorm. */
  constructor(
    private readonly config: ExperimentConfig,
    clipNorm?: number,
  ) {
    const { privacy } = config;
    this.clipNorm = clipNorm ?? initialClipNorm(privacy);
    this.expectedClients = clientsPerRound(config);
    this.sigmaB = privacy.clipping === 'adaptive' ? clippedCountStddev(config) : null;
    this.zUpdate = updateNoiseMultiplier(privacy.noiseMultiplier, this.sigmaB);
  }

  /** The clip norm C this round's clients use. */
  get currentClipNorm(): number {
    return this.clipNorm;
  }

  /** Client side: clip Δ_k to the current C. */
  clip(delta: Float32Array): ClippedUpdate {
    const { clipped, norm } = clipToNorm(delta, this.clipNorm);
    return { clipped, unclippedBit: (norm <= this.clipNorm ? 1 : 0) - 0.5 };
  }

  /**
   * Server side, from the sum of the clipped updates and Σb_k (the only things it needs, so this works on a secure
   * sum too): the noisy average Δ̃ = (Σ clipped + N(0, (z_Δ·C)²)) / m, then the adaptive clip-norm step.
   */
  noisyAverage(round: number, sum: Float32Array | Float64Array, unclippedBitSum: number): Float32Array {
    const noisy = Float64Array.from(sum);
    const rng = rngFor(this.config.seed, 'dp-noise', round);
    addGaussianNoise(noisy, this.zUpdate * this.clipNorm, () => rng.normal());
    const m = this.expectedClients;
    const average = Float32Array.from(noisy, (x) => x / m);
    if (this.sigmaB !== null) {
      const countRng = rngFor(this.config.seed, 'dp-clip-count', round);
      const unclipped = Math.min(1, Math.max(0, (unclippedBitSum + this.sigmaB * countRng.normal()) / m + 0.5));
      const { clipLearningRate, targetQuantile } = this.config.privacy;
      this.clipNorm *= Math.exp(-clipLearningRate * (unclipped - targetQuantile));
    }
    return average;
  }
}
