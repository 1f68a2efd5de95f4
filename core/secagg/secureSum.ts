// FedStudio's secure sum: a faithful simulation of SecAgg (Bonawitz et al. 2017) and SecAgg+ (Bell et al. 2020) with
// real WebCrypto key agreement, AES-GCM share encryption, AES-CTR masks and Shamir sharing. Pure TypeScript on
// globalThis.crypto: it runs unchanged in browsers, Web Workers and Node ≥ 20.
import { runSecAggRound } from './protocol';
import { clip, dequantizeSum } from './quantize';

export { SecureAggregationError } from './errors';

export interface SecureSumOptions {
  seed: number;
  round: number;
  /** Every sampled client (ascending ids); all take part in key setup. */
  participants: readonly number[];
  /** The survivors' vectors (same length d); participants missing here dropped after ShareKeys. */
  inputs: ReadonlyMap<number, Float32Array>;
  /** t = max(2, ⌈fraction · share holders⌉); share holders = n (SecAgg) or k (SecAgg+). Must be in (1/2, 1]. */
  thresholdFraction: number;
  /** null = SecAgg (all pairs); an even k = SecAgg+; any k ≥ n − 1 means all pairs. */
  neighbours: number | null;
  /** r: coordinates are clipped to [−r, r] before quantization. */
  clipRange: number;
  /** First coordinate of the 16-coordinate preview window (default 0). */
  previewFrom?: number;
}

export interface SecureSumResult {
  /** Dequantized Σ over survivors of their (clipped, quantized) inputs. */
  sum: Float32Array;
  survivors: number[];
  /** t. */
  threshold: number;
  /** Degree actually used. */
  neighbours: number;
  /**
   * Protocol bytes beyond one dense payload of d plain float32s per survivor: uploadBytes − survivors·4d, i.e. public
   * keys, share ciphertexts (dropped clients' included), unmasking shares; the ring expansion is 0 (uint32 = float32).
   */
  overheadBytes: number;
  /** Total client → server payload bytes this round: keys + share ciphertexts + masked inputs + unmasking shares. */
  uploadBytes: number;
  /** Wall time of the protocol. */
  ms: number;
  /**
   * 16 coordinates from `from` of the lowest-id survivor: what the server saw (y_u dequantized as if it were a plain input,
   * i.e. noise) and that client's true clipped input (for teaching only — computed client-side).
   */
  preview: { clientId: number; from: number; masked: number[]; input: number[] };
}

const PREVIEW_COORDINATES = 16;

/** Run one round of secure aggregation; throws SecureAggregationError when the sum cannot be recovered. */
export async function secureSum(options: SecureSumOptions): Promise<SecureSumResult> {
  const start = performance.now();
  const outcome = await runSecAggRound(options);
  const { clipRange } = options;
  const from = Math.max(0, Math.min(options.previewFrom ?? 0, outcome.ringSum.length - PREVIEW_COORDINATES));
  const to = from + PREVIEW_COORDINATES;
  const sum = dequantizeSum(outcome.ringSum, outcome.survivors.length, clipRange);
  const ms = performance.now() - start;
  const d = sum.length;
  // The lowest-id survivor: survivors, masked inputs and sorted input entries all start with it.
  const [{ clientId, masked }] = outcome.maskedInputs;
  const [[, input]] = [...options.inputs].sort(([a], [b]) => a - b);
  return {
    sum,
    survivors: outcome.survivors,
    threshold: outcome.threshold,
    neighbours: outcome.degree,
    overheadBytes: outcome.uploadBytes - outcome.survivors.length * 4 * d,
    uploadBytes: outcome.uploadBytes,
    ms,
    preview: {
      clientId,
      from,
      masked: Array.from(dequantizeSum(masked.subarray(from, to), 1, clipRange)),
      input: Array.from(input.subarray(from, to), (x) => Math.fround(clip(x, clipRange))),
    },
  };
}
