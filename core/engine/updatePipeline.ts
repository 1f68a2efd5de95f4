import type { AggregationContext, Aggregator } from '../aggregate/types';
import { secAggNeighbours } from '../config/derived';
import { type ExperimentConfig } from '../config/schema';
import { compressionEnabled, UplinkCompressor, uplinkBytes } from '../compress/compressor';
import { CentralDp, initialClipNorm } from '../privacy/centralDp';
import { localDpUpdate } from '../privacy/localDp';
import { SecureAggregationError, secureSum } from '../secagg/secureSum';
import type { ClientUpdate } from './executor';
import type { SecureAggregationMetrics } from '../report/metrics';

export const BYTES_PER_PARAM = 4;

/** The round's aggregated Δ (null when nothing could be aggregated) and what it cost on the uplink. */
export interface PipelineResult {
  aggregate: Float32Array | null;
  bytesUp: number;
  /** Central DP: the clip norm the clients used this round and the share of updates it clipped. */
  clipNorm?: number;
  clippedFraction?: number;
  secureAggregation?: SecureAggregationMetrics;
  note?: string;
}

/**
 * How the round's updates travel from the clients to one Δ. Client side, in this order: compression (with error
 * feedback), then clipping (central DP) or clipping and noise (local DP) — clipping last, so the noise is calibrated
 * to what is sent. Server side: a secure sum (SecAgg), the DP-FedAvg noisy average (central DP), or the aggregator.
 */
export class UpdatePipeline {
  private readonly compressor: UplinkCompressor | null;
  private readonly centralDp: CentralDp | null;
  private readonly largestClient: number;

  /**
   * `previous`: the pipeline of the rounds before a live change, whose state carries over: the compressor's error
   * feedback (compression cannot change during a run) and the clip norm adaptive clipping has reached (a fixed one
   * is the new config's).
   */
  constructor(
    private readonly config: ExperimentConfig,
    private readonly aggregator: Aggregator,
    clientSizes: readonly number[],
    previous?: UpdatePipeline,
  ) {
    this.compressor =
      previous?.compressor ??
      (compressionEnabled(config.compression) ? new UplinkCompressor(config.compression, config.seed) : null);
    const adaptive = config.privacy.clipping === 'adaptive' ? previous?.centralDp?.currentClipNorm : undefined;
    this.centralDp = config.privacy.mode === 'central' ? new CentralDp(config, adaptive) : null;
    this.largestClient = Math.max(1, ...clientSizes);
  }

  /** `sampled`: every client sampled this round (SecAgg sets up keys with all of them; the dropped ones never send). */
  async run(round: number, sampled: readonly number[], updates: readonly ClientUpdate[], ctx: AggregationContext): Promise<PipelineResult> {
    const central = this.centralDp;
    const clipNorm = central?.currentClipNorm;
    const sent = updates.map((u) => ({ update: u, ...this.clientSide(round, u) }));
    const clipped = central && { clipNorm, clippedFraction: fractionClipped(sent.map((s) => s.unclippedBit)) };
    if (this.config.secureAggregation.mode !== 'none') {
      return { ...(await this.secureAggregate(round, sampled, sent)), ...clipped };
    }
    const bytesUp = updates.length * this.plainUplinkBytes(updates[0]?.delta.length ?? 0);
    if (sent.length === 0) return { aggregate: null, bytesUp, ...clipped };
    if (central) {
      const sum = new Float64Array(sent[0].vector.length);
      for (const { vector } of sent) for (let i = 0; i < sum.length; i++) sum[i] += vector[i];
      const bits = sent.reduce((s, x) => s + x.unclippedBit, 0);
      return { aggregate: central.noisyAverage(round, sum, bits), bytesUp, ...clipped };
    }
    const weighted = sent.map(({ update, vector }) => ({ clientId: update.clientId, delta: vector, weight: update.numExamples }));
    return { aggregate: this.aggregator.aggregate(weighted, ctx), bytesUp };
  }

  /** The clip norm the next round's clients will use (central DP), for the metrics. */
  get nextClipNorm(): number | undefined {
    return this.centralDp?.currentClipNorm;
  }

  /** What client u sends: its compressed, clipped (central) or clipped and noised (local) update. */
  private clientSide(round: number, u: ClientUpdate): { vector: Float32Array; unclippedBit: number } {
    const { privacy, seed } = this.config;
    const compressed = this.compressor ? this.compressor.compress(round, u.clientId, u.delta) : u.delta;
    if (this.centralDp) {
      const { clipped, unclippedBit } = this.centralDp.clip(compressed);
      return { vector: clipped, unclippedBit };
    }
    if (privacy.mode === 'local') {
      const clipNorm = initialClipNorm(privacy);
      const p = { clipNorm, epsilon: privacy.localEpsilon, delta: privacy.localDelta, seed, round, clientId: u.clientId };
      return { vector: localDpUpdate(compressed, p), unclippedBit: 0 };
    }
    return { vector: compressed, unclippedBit: 0 };
  }

  private plainUplinkBytes(d: number): number {
    const adaptiveBit = this.config.privacy.mode === 'central' && this.config.privacy.clipping === 'adaptive' ? 4 : 0;
    return (this.compressor ? uplinkBytes(this.config.compression, d) : BYTES_PER_PARAM * d) + adaptiveBit;
  }

  /**
   * SecAgg carries one extra coordinate: the clipped-count bit b_k under central DP (an unweighted sum), else the
   * weight w_k = n_k / n_max, with the update sent as w_k·Δ_k so the server divides two sums for the weighted mean.
   */
  private async secureAggregate(
    round: number,
    sampled: readonly number[],
    sent: readonly { update: ClientUpdate; vector: Float32Array; unclippedBit: number }[],
  ): Promise<PipelineResult> {
    const { seed, secureAggregation } = this.config;
    const central = this.centralDp;
    const inputs = new Map<number, Float32Array>();
    for (const { update, vector, unclippedBit } of sent) {
      const d = vector.length;
      const input = new Float32Array(d + 1);
      const weight = central ? 1 : update.numExamples / this.largestClient;
      for (let i = 0; i < d; i++) input[i] = weight * vector[i];
      input[d] = central ? unclippedBit : weight;
      inputs.set(update.clientId, input);
    }
    try {
      const result = await secureSum({
        seed,
        round,
        participants: sampled,
        inputs,
        thresholdFraction: secureAggregation.thresholdFraction,
        neighbours: secureAggregation.mode === 'secagg+' ? secAggNeighbours(this.config) : null,
        clipRange: secureAggregation.clipRange,
        // The middle of the model: the first coordinates are often dead (e.g. MNIST's blank corner pixels).
        previewFrom: Math.floor((sent[0]?.vector.length ?? 0) / 2),
      });
      const metrics: SecureAggregationMetrics = {
        survivors: result.survivors.length,
        threshold: result.threshold,
        neighbours: result.neighbours,
        overheadBytes: result.overheadBytes,
        ms: result.ms,
        preview: { ...result.preview, sum: Array.from(result.sum.subarray(result.preview.from, result.preview.from + result.preview.masked.length)) },
      };
      const d = result.sum.length - 1;
      const extra = result.sum[d];
      const sum = result.sum.subarray(0, d);
      const aggregate = central ? central.noisyAverage(round, sum, extra) : sum.map((x) => x / extra);
      return { aggregate, bytesUp: result.uploadBytes, secureAggregation: metrics };
    } catch (error) {
      if (!(error instanceof SecureAggregationError)) throw error;
      return {
        aggregate: null,
        bytesUp: 0,
        secureAggregation: { survivors: sent.length, error: error.message },
        note: `${error.message}: the global model is unchanged`,
      };
    }
  }
}

function fractionClipped(unclippedBits: readonly number[]): number {
  return unclippedBits.length === 0 ? NaN : unclippedBits.filter((b) => b < 0).length / unclippedBits.length;
}
