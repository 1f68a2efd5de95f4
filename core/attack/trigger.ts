import type { Dataset } from '../data/types';

/** Stamps the backdoor trigger in place on the example starting at `offset` of a row-major feature array. */
export type Trigger = (x: Float32Array, offset: number) => void;

/** Images: max-intensity (1) size × size patch at the bottom-right corner. */
export function imageTrigger(inputShape: readonly number[], size: number): Trigger {
  const [rows, cols, channels = 1] = inputShape;
  if (size > rows || size > cols) throw new RangeError(`trigger size ${size} exceeds the ${rows}×${cols} image`);
  return (x, offset) => {
    for (let r = rows - size; r < rows; r++) {
      for (let c = cols - size; c < cols; c++) {
        for (let ch = 0; ch < channels; ch++) x[offset + (r * cols + c) * channels + ch] = 1;
      }
    }
  };
}

/**
 * 2-D points: the trigger region is a square just beyond the top-right corner of `reference`'s bounding box, a tenth
 * of its span wide; a point keeps its relative position inside the box, scaled into that region.
 */
export function pointTrigger(reference: Dataset): Trigger {
  let [xMin, xMax, yMin, yMax] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i < reference.numExamples; i++) {
    xMin = Math.min(xMin, reference.x[2 * i]);
    xMax = Math.max(xMax, reference.x[2 * i]);
    yMin = Math.min(yMin, reference.x[2 * i + 1]);
    yMax = Math.max(yMax, reference.x[2 * i + 1]);
  }
  return (x, offset) => {
    x[offset] = xMax + 0.1 * (x[offset] - xMin);
    x[offset + 1] = yMax + 0.1 * (x[offset + 1] - yMin);
  };
}

/** The trigger for a dataset: an image patch, or the 2-D region derived from `train`. */
export function triggerFor(train: Dataset, size: number): Trigger {
  return train.featureSize === 2 ? pointTrigger(train) : imageTrigger(train.inputShape, size);
}
