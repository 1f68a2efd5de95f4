import { clientsPerRound } from '../config/derived';
import { configAtRound } from '../config/schedule';
import { type ExperimentConfig } from '../config/schema';
import { gaussianMechanismStd } from './localDp';
import { epsilonFromRdp, rdpSubsampledGaussian, RDP_ORDERS } from './rdp';

/** The ε a run has spent: client-level (central or local DP) and example-level (DP-SGD), each when enabled. */
export interface PrivacySpent {
  epsilon?: number;
  exampleEpsilon?: number;
}

/** `count` rounds of one mechanism, whose one-step RDP is `rdp`. */
interface RdpRun {
  rdp: Float64Array;
  count: number;
}

/**
 * ε of the composition of `runs`: RDP at each order adds up over mechanisms (Mironov 2017, Prop. 1), so the run's
 * RDP is Σ count·rdp. Rounds that did not happen cost nothing, even without noise (∞ · 0).
 */
function epsilonOfRuns(runs: readonly RdpRun[], delta: number): number {
  const total = new Float64Array(runs[0]?.rdp.length ?? RDP_ORDERS.length);
  for (const { rdp, count } of runs) if (count > 0) for (let k = 0; k < total.length; k++) total[k] += rdp[k] * count;
  return epsilonFromRdp(total, delta).epsilon;
}

/** ε after `steps` compositions of a mechanism with one-step RDP `rdp`. */
function epsilonAfter(rdp: Float64Array, steps: number, delta: number): number {
  return epsilonOfRuns([{ rdp, count: steps }], delta);
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
 * an aggregate, each at that round's q and z (live changes may move them: the rounds are kept as runs of equal
 * mechanisms and composed). Local DP: composed over the rounds the most frequent client took part in. DP-SGD: q = B/n_k
 * and the local steps of each client; the worst client is reported. Local DP's and DP-SGD's parameters cannot change
 * during a run (core/config/liveSettings.ts), so their one-step RDP is the base config's.
 */
export class PrivacyLedger {
  /** Central DP: the rounds released so far, as runs of consecutive rounds with the same one-step RDP. */
  private readonly centralRuns: (RdpRun & { key: string })[] = [];
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

  /**
   * Records one round in which `senders` sent updates (`steps` local steps each), run with `roundConfig` (the config
   * at that round, see configAtRound), and returns ε spent so far.
   */
  record(senders: readonly { clientId: number; steps: number }[], roundConfig: ExperimentConfig = this.config): PrivacySpent {
    if (senders.length > 0 && this.config.privacy.mode === 'central') this.recordCentral(roundConfig);
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
    if (privacy.mode === 'central') spent.epsilon = epsilonOfRuns(this.centralRuns, privacy.delta);
    else if (this.clientRdp) spent.epsilon = epsilonAfter(this.clientRdp, Math.max(0, ...this.participations.values()), privacy.delta);
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

  /** One more released round at the round config's q = m/N and z. */
  private recordCentral(roundConfig: ExperimentConfig): void {
    const key = `${clientsPerRound(roundConfig)}/${roundConfig.privacy.noiseMultiplier}`;
    const last = this.centralRuns.at(-1);
    if (last?.key === key) last.count++;
    else this.centralRuns.push({ key, rdp: clientLevelRdp(roundConfig)!, count: 1 });
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
 * The planner: ε after any number of rounds, before running, every round releasing an aggregate. Central DP follows
 * the config's schedule (each round at its own q and z, as the ledger counts them). Local DP and DP-SGD assume the
 * worst client: one that takes part in every round, and for DP-SGD the smallest client (largest q) running all its
 * local steps. The one-step RDP of each stretch between changes is computed once, so a curve is cheap.
 */
export function privacyPlan(config: ExperimentConfig, clientSizes: readonly number[]): (rounds: number) => PrivacySpent {
  const { privacy } = config;
  const stretches = planStretches(config);
  const smallest = Math.max(1, Math.min(...clientSizes));
  const stepsPerRound = config.train.localEpochs * Math.ceil(smallest / config.train.batchSize);
  const exampleRdp =
    privacy.dpSgd && clientSizes.length > 0
      ? rdpSubsampledGaussian(exampleSamplingRate(config, smallest), privacy.dpSgdNoiseMultiplier)
      : null;
  return (rounds) => ({
    ...(stretches && {
      epsilon: epsilonOfRuns(
        stretches.map(({ from, to, rdp }) => ({ rdp, count: Math.max(0, Math.min(rounds, to) - from + 1) })),
        privacy.delta,
      ),
    }),
    ...(exampleRdp && { exampleEpsilon: epsilonAfter(exampleRdp, rounds * stepsPerRound, privacy.delta) }),
  });
}

/** Client-level DP's one-step RDP over rounds from..to (the last stretch open-ended), split where the schedule changes it. */
function planStretches(config: ExperimentConfig): { from: number; to: number; rdp: Float64Array }[] | null {
  if (!clientLevelRdp(config)) return null;
  const starts = [...new Set((config.schedule ?? []).map((c) => c.round))].filter((r) => r > 1);
  const froms = [1, ...starts];
  return froms.map((from, i) => ({
    from,
    to: i + 1 < froms.length ? froms[i + 1] - 1 : Infinity,
    rdp: clientLevelRdp(configAtRound(config, from))!,
  }));
}
