import type { Rng } from '../rng';
import type { TWO_D_GENERATORS } from './twoD';
import type { Dataset } from './types';

export type TwoDName = keyof typeof TWO_D_GENERATORS;

/** A 2-D teaching set: `numSamples` points in `numClasses` balanced classes, Gaussian noise of std `noise`. */
export type TwoDGenerator = (numSamples: number, noise: number, numClasses: number, rng: Rng) => Dataset;

/** Clean points lie in [−TWO_D_BOX, TWO_D_BOX]² (noise may push some outside): the studio plots this fixed box. */
export const TWO_D_BOX = 1.5;

/**
 * Builds a 2-D Dataset: labels cycle 0..numClasses−1 (balanced classes), `point(label)` gives the clean position,
 * and N(0, noise²) is added to each coordinate.
 */
export function generatePoints(
  name: TwoDName,
  numSamples: number,
  numClasses: number,
  noise: number,
  rng: Rng,
  point: (label: number) => readonly [number, number],
): Dataset {
  if (!Number.isInteger(numSamples) || numSamples < numClasses) {
    throw new RangeError(
      `data.numSamples: ${name} needs at least one point per class (${numClasses}), got ${numSamples}`,
    );
  }
  const x = new Float32Array(numSamples * 2);
  const y = new Int32Array(numSamples);
  for (let i = 0; i < numSamples; i++) {
    const label = i % numClasses;
    const [px, py] = point(label);
    y[i] = label;
    x[2 * i] = px + noise * rng.normal();
    x[2 * i + 1] = py + noise * rng.normal();
  }
  return { name, x, y, numExamples: numSamples, inputShape: [2], featureSize: 2, numClasses };
}
