import type { TwoDGenerator } from './points';
import { generatePoints } from './points';

const OUTER_RADIUS = 1;
const INNER_RADIUS = 0.5;

/** Two concentric circles (scikit-learn make_circles, factor 0.5): class 0 outside, class 1 inside. 2 classes. */
export const circles: TwoDGenerator = (numSamples, noise, _numClasses, rng) =>
  generatePoints('circles', numSamples, 2, noise, rng, (label) => {
    const t = rng.float() * 2 * Math.PI;
    const r = label === 0 ? OUTER_RADIUS : INNER_RADIUS;
    return [r * Math.cos(t), r * Math.sin(t)];
  });
