import { clientsPerRound } from '../config/derived';
import { type ExperimentConfig } from '../config/schema';
import { gaussianMechanismStd } from './localDp';
import { epsilonFromRdp, rdpSubsampledGaussian } from './rdp';

/** The ε a run has spent: client-level (central or local DP) and example-level (DP-SGD), each when enabled. */
export interface PrivacySpent {
  epsilon?: number;
  exampleEpsilon?: number;
}

/** ε after `steps` compositions of a mechanism with one-step RDP `rdp` (0 steps cost nothing, even without noise). */
function epsilonAfter(rdp: Float64Array, steps: number, delta: number): number {
  return epsilonFromRdp(rdp.map((r) => (steps === 0 ? 0 : r * steps)), delta).epsilon;
}

/** Whether the config spends any privacy budget: client-level DP or DP-SGD. */
export function privacyEnabled(privacy: ExperimentConfig['privacy']): boolean {
  return privacy.mode !== 'none' || privacy.dpSgd;
}

/** Noise multiplier of local DP relative to its sensitivity 2S: σ/(2S) = √(2 ln(1.25/δ))/ε, whatever S is. */
function localNoiseMultiplier(privacy: ExperimentConfig['privacy']): number {
  return gaussianMechanismStd(0.5, privacy.localEpsilon, privacy.localDelta);
}

/** DP-SGD sampling rate of a client with n examples: q = B/n (Opacus), at most 1. */
function exampleSamplingRate(config: ExperimentConfig, numExamples: number): number {
  return Math.min(1, config.train.batchSize / Math.max(1, numExamples));
}

/**
 * One-step RDP of client-level DP. Central: the subsampled Gaussian with q = m/N and z. Local: q = 1 (the server
 * sees who sent) and the Gaussian mechanism's σ/(2S). Null without client-level DP.
 */
function clientLevelRdp(config: ExperimentConfig): Float64Array | null {
  const { privacy } = config;
  if (privacy.mode === 'central') {
    return rdpSubsampledGaussian(clientsPerRound(config) / config.partition.numClients, privacy.noiseMultiplier);
  }
  return privacy.mode === 'local' ? rdpSubsampledGaussian(1, localNoiseMultiplier(privacy)) : null;
}

/**
 * Tracks ε round by round with the RDP accountant (Mironov et al. 2019). Central DP: one step per round that released
 * an aggregate. Local DP: composed over the rounds the most frequent client took part in. DP-SGD: q = B/n_k and the
 * local steps of each client; the worst client is reported.
 */
export class PrivacyLedger {
  private centralRounds = 0;
  private readonly participations = new Map<number, number>();
  private readonly exampleSteps = new Map<number, number>();
  private readonly exampleRdpByRate = new Map<number, Float64Array>();
  private readonly clientRdp: Float64Array | null;

  constructor(
    private readonly config: ExperimentConfig,
    private readonly clientSizes: readonly number[],
  ) {
    this.clientRdp = clientLevelRdp(config);
  }

  /** Records one round in which `senders` sent updates (`steps` local steps each) and returns ε spent so far. */
  record(senders: readonly { clientId: number; steps: number }[]): PrivacySpent {
    if (senders.length > 0) this.centralRounds++;
    for (const { clientId, steps } of senders) {
      this.participations.set(clientId, (this.participations.get(clientId) ?? 0) + 1);
      this.exampleSteps.set(clientId, (this.exampleSteps.get(clientId) ?? 0) + steps);
    }
    return this.spent();
  }

  /** ε spent so far (0 before any round) for each mechanism the config enables. */
  spent(): PrivacySpent {
    const { privacy } = this.config;
    const spent: PrivacySpent = {};
    if (this.clientRdp) {
      const steps = privacy.mode === 'central' ? this.centralRounds : Math.max(0, ...this.participations.values());
      spent.epsilon = epsilonAfter(this.clientRdp, steps, privacy.delta);
    }
    if (privacy.dpSgd) {
      let worst = 0;
      for (const [clientId, steps] of this.exampleSteps) {
        const rdp = this.exampleRdp(exampleSamplingRate(this.config, this.clientSizes[clientId]));
        worst = Math.max(worst, epsilonAfter(rdp, steps, privacy.delta));
      }
      spent.exampleEpsilon = worst;
    }
    return spent;
  }

  private exampleRdp(q: number): Float64Array {
    let rdp = this.exampleRdpByRate.get(q);
    if (!rdp) {
      rdp = rdpSubsampledGaussian(q, this.config.privacy.dpSgdNoiseMultiplier);
      this.exampleRdpByRate.set(q, rdp);
    }
    return rdp;
  }
}

/**
 * The planner: ε after any number of rounds, before running. Local DP and DP-SGD assume the worst client: one that
 * takes part in every round, and for DP-SGD the smallest client (largest q) running all its local steps. The one-step
 * RDP is computed once, so evaluating many rounds (a curve) is cheap.
 */
export function privacyPlan(config: ExperimentConfig, clientSizes: readonly number[]): (rounds: number) => PrivacySpent {
  const { privacy } = config;
  const clientRdp = clientLevelRdp(config);
  const smallest = Math.max(1, Math.min(...clientSizes));
  const stepsPerRound = config.train.localEpochs * Math.ceil(smallest / config.train.batchSize);
  const exampleRdp =
    privacy.dpSgd && clientSizes.length > 0
      ? rdpSubsampledGaussian(exampleSamplingRate(config, smallest), privacy.dpSgdNoiseMultiplier)
      : null;
  return (rounds) => ({
    ...(clientRdp && { epsilon: epsilonAfter(clientRdp, rounds, privacy.delta) }),
    ...(exampleRdp && { exampleEpsilon: epsilonAfter(exampleRdp, rounds * stepsPerRound, privacy.delta) }),
  });
}
