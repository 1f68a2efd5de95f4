import type { TwoDGenerator } from './points';
import { generatePoints } from './points';

const MIN_RADIUS = 0.05;
const MAX_RADIUS = 1.3;
const TURN = 1.5 * Math.PI;

/** One spiral arm per class (as in CS231n's spiral data), three quarters of a turn from the centre outwards. */
export const spiral: TwoDGenerator = (numSamples, noise, numClasses, rng) =>
  generatePoints('spiral', numSamples, numClasses, noise, rng, (label) => {
    const u = rng.float();
    const r = MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * u;
    const angle = (2 * Math.PI * label) / numClasses + TURN * u;
    return [r * Math.cos(angle), r * Math.sin(angle)];
  });
