import type { Dataset } from './types';

/** A new Dataset holding copies of the given examples, in the given order. */
export function subsetDataset(dataset: Dataset, indices: ArrayLike<number>): Dataset {
  const { featureSize } = dataset;
  const x = new Float32Array(indices.length * featureSize);
  const y = new Int32Array(indices.length);
  for (let i = 0; i < indices.length; i++) {
    const src = indices[i];
    x.set(dataset.x.subarray(src * featureSize, (src + 1) * featureSize), i * featureSize);
    y[i] = dataset.y[src];
  }
  return { ...dataset, x, y, numExamples: indices.length, inputShape: [...dataset.inputShape] };
}
