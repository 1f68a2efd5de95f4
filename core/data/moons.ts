import type { TwoDGenerator } from './points';
import { generatePoints } from './points';

const SCALE = 0.8;

/** Two interleaving half circles (scikit-learn make_moons), centred and scaled into the plot box. 2 classes. */
export const moons: TwoDGenerator = (numSamples, noise, _numClasses, rng) =>
  generatePoints('moons', numSamples, 2, noise, rng, (label) => {
    const t = rng.float() * Math.PI;
    const [mx, my] = label === 0 ? [Math.cos(t), Math.sin(t)] : [1 - Math.cos(t), 0.5 - Math.sin(t)];
    return [SCALE * (mx - 0.5), SCALE * (my - 0.25)];
  });
