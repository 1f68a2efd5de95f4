// Shared fixtures for the secure-aggregation tests: seeded inputs and the plain (unmasked) quantized sum to compare with.
import { Rng, rngFor } from '../rng';
import { quantize } from './quantize';
import { addInto } from './ring';

/** Seeded inputs for `survivors`, uniform in [−spread, spread]. */
export function makeInputs(survivors: readonly number[], d: number, spread: number, seed = 7): Map<number, Float32Array> {
  return new Map(
    survivors.map((id) => {
      const rng = new Rng(seed, 'test-input', 0, id);
      return [id, Float32Array.from({ length: d }, () => rng.uniform(-spread, spread))];
    }),
  );
}

/** Σ q(x_u) mod 2^32 with the same seeded quantizer the clients use — what the unmasked sum must equal exactly. */
export function plainQuantizedSum(inputs: ReadonlyMap<number, Float32Array>, seed: number, round: number, clipRange: number): Uint32Array {
  let sum: Uint32Array | null = null;
  for (const [id, x] of inputs) {
    const q = quantize(x, clipRange, rngFor(seed, 'secagg-quantize', round, id));
    if (sum === null) sum = q;
    else addInto(sum, q);
  }
  if (sum === null) throw new Error('no inputs');
  return sum;
}

export function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
