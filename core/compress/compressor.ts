import type { ExperimentConfig } from '../config/schema';
import { rngFor } from '../rng';
import { QSGD_BUCKET, qsgd } from './qsgd';
import { randomK } from './randomK';
import { topK } from './topK';

export type CompressionConfig = ExperimentConfig['compression'];

const FLOAT_BYTES = 4;
const INDEX_BYTES = 4;
const SEED_BYTES = 4;

/** Coordinates a sparsifier keeps of a d-dimensional update: k = ⌈ratio · d⌉. */
export function keptCoordinates(config: CompressionConfig, d: number): number {
  return config.sparsify === 'none' ? d : Math.min(d, Math.ceil(config.ratio * d));
}

/**
 * Bytes one client sends for a d-dimensional update: the kept values (4-byte floats, or under QSGD b magnitude bits
 * + a sign bit each and a 4-byte norm per bucket of QSGD_BUCKET values), plus a 4-byte index per value for top-k or
 * one 4-byte seed for random-k.
 */
export function uplinkBytes(config: CompressionConfig, d: number): number {
  const k = keptCoordinates(config, d);
  const values =
    config.quantizeBits > 0
      ? Math.ceil((k * (config.quantizeBits + 1)) / 8) + FLOAT_BYTES * Math.ceil(k / QSGD_BUCKET)
      : k * FLOAT_BYTES;
  const indices = config.sparsify === 'top-k' ? k * INDEX_BYTES : config.sparsify === 'random-k' ? SEED_BYTES : 0;
  return values + indices;
}

export function compressionEnabled(config: CompressionConfig): boolean {
  return config.sparsify !== 'none' || config.quantizeBits > 0;
}

/**
 * The clients' side of uplink compression: sparsify, then quantize what is kept, with error feedback
 * (Karimireddy et al. 2019, EF-SGD: p = Δ + e; send C(p); e ← p − C(p)). The residual e is client state, kept here
 * per client id across rounds. Randomness: rngFor(seed, 'compression', round, client).
 */
export class UplinkCompressor {
  private readonly residuals = new Map<number, Float32Array>();

  constructor(
    private readonly config: CompressionConfig,
    private readonly seed: number,
  ) {}

  /** What the server reconstructs from client `clientId`'s compressed update. */
  compress(round: number, clientId: number, delta: Float32Array): Float32Array {
    const { sparsify, quantizeBits, errorFeedback } = this.config;
    const residual = errorFeedback ? this.residuals.get(clientId) : undefined;
    const corrected = residual ? delta.map((x, i) => x + residual[i]) : delta;
    const rng = rngFor(this.seed, 'compression', round, clientId);
    const k = keptCoordinates(this.config, delta.length);
    let sent =
      sparsify === 'top-k' ? topK(corrected, k) : sparsify === 'random-k' ? randomK(corrected, k, rng) : corrected;
    if (quantizeBits > 0) sent = qsgd(sent, quantizeBits, rng);
    if (errorFeedback) this.residuals.set(clientId, corrected.map((x, i) => x - sent[i]));
    return sent;
  }
}
