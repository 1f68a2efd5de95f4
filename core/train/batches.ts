import type { FeatureTransform } from '../partition/types';

/** Gathers batches of examples into buffers reused across steps (never a tensor slice: on wasm it copies it all). */
export class BatchBuilder {
  readonly x: Float32Array;
  readonly y: Int32Array;

  constructor(
    private readonly featureSize: number,
    readonly capacity: number,
  ) {
    this.x = new Float32Array(featureSize * capacity);
    this.y = new Int32Array(capacity);
  }

  /**
   * Loads examples order[start .. start + count) of the row-major features `x` (and labels `y`, when given), applies
   * the client's feature transform, and returns the filled prefix of the feature buffer.
   */
  fill(
    x: Float32Array,
    y: Int32Array | undefined,
    order: Int32Array,
    start: number,
    count: number,
    transform?: FeatureTransform,
  ): Float32Array {
    if (count > this.capacity) throw new RangeError(`batch of ${count} exceeds capacity ${this.capacity}`);
    const f = this.featureSize;
    for (let k = 0; k < count; k++) {
      const i = order[start + k];
      this.x.set(x.subarray(i * f, i * f + f), k * f);
      if (y) this.y[k] = y[i];
    }
    const batch = this.x.subarray(0, count * f);
    transform?.(batch, count);
    return batch;
  }
}
