import type { ExperimentConfig } from '../config/schema';
import { rngFor } from '../rng';

/** What system heterogeneity does to one sampled client this round. */
export interface ClientPlan {
  clientId: number;
  /** Sends nothing: dropped out, or a straggler that missed the deadline (stragglerMode 'drop'). */
  dropped: boolean;
  straggler: boolean;
  /** Fraction of the configured local steps to run. */
  workFraction: number;
}

/**
 * Dropouts: each sampled client independently with probability system.dropoutProb (rngFor(seed, 'dropout', round)).
 * Stragglers: round(stragglerFraction · sampled) of the sampled clients (rngFor(seed, 'straggler', round)); they run
 * only `stragglerWork` of their steps, or miss the deadline in 'drop' mode.
 */
export function planRound(config: ExperimentConfig, round: number, sampled: readonly number[]): ClientPlan[] {
  const { dropoutProb, stragglerFraction, stragglerMode, stragglerWork } = config.system;
  const dropoutRng = rngFor(config.seed, 'dropout', round);
  const droppedOut = sampled.map(() => dropoutRng.float() < dropoutProb);
  const numStragglers = Math.round(stragglerFraction * sampled.length);
  const stragglers = new Set(
    rngFor(config.seed, 'straggler', round).sampleWithoutReplacement(sampled.length, numStragglers),
  );
  return sampled.map((clientId, i) => {
    const straggler = stragglers.has(i);
    return {
      clientId,
      dropped: droppedOut[i] || (straggler && stragglerMode === 'drop'),
      straggler,
      workFraction: straggler && stragglerMode === 'partial' ? stragglerWork : 1,
    };
  });
}
