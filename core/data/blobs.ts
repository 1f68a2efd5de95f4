import type { TwoDGenerator } from './points';
import { generatePoints } from './points';

const CENTER_RADIUS = 0.9;
const BLOB_STD = 0.15;

/** Gaussian blobs whose centres sit evenly on a circle (random rotation), one per class. */
export const blobs: TwoDGenerator = (numSamples, noise, numClasses, rng) => {
  const phase = rng.float() * 2 * Math.PI;
  return generatePoints('blobs', numSamples, numClasses, noise, rng, (label) => {
    const angle = phase + (2 * Math.PI * label) / numClasses;
    return [
      CENTER_RADIUS * Math.cos(angle) + BLOB_STD * rng.normal(),
      CENTER_RADIUS * Math.sin(angle) + BLOB_STD * rng.normal(),
    ];
  });
};
