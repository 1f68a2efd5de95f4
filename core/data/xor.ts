import type { TwoDGenerator } from './points';
import { generatePoints } from './points';

const MARGIN = 0.1;
const EXTENT = 1.2;

/** XOR: class 1 where x and y have opposite signs; points keep a small margin from the axes. 2 classes. */
export const xor: TwoDGenerator = (numSamples, noise, _numClasses, rng) =>
  generatePoints('xor', numSamples, 2, noise, rng, (label) => {
    const sx = rng.float() < 0.5 ? -1 : 1;
    const sy = label === 0 ? sx : -sx;
    return [sx * rng.uniform(MARGIN, EXTENT), sy * rng.uniform(MARGIN, EXTENT)];
  });
