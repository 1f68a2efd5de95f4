import { z } from 'zod';
import { param } from '../plugin';
import { rngFor } from '../rng';
import { blobs } from './blobs';
import { circles } from './circles';
import { moons } from './moons';
import type { TwoDGenerator, TwoDName } from './points';
import { spiral } from './spiral';
import { defineDataset } from './types';
import { xor } from './xor';

/** The 2-D teaching sets by dataset name. */
export const TWO_D_GENERATORS = { blobs, moons, circles, spiral, xor } satisfies Record<string, TwoDGenerator>;

// The 2-D sets' parameters, declared once and listed by each set that reads them.
const numSamples = param(z.number().int().min(100).max(20_000).default(1_000), {
  label: 'Points',
  help: 'Number of generated 2-D points (train + test).',
  log: true,
});
const noise = param(z.number().min(0).max(2).default(0.1), {
  label: 'Noise',
  help: 'Standard deviation of the Gaussian noise added to each 2-D point.',
  step: 0.01,
});
const numClasses = param(z.number().int().min(2).max(10).default(3), {
  label: 'Classes',
  help: 'Number of classes (blobs and spiral; moons, circles and XOR always have 2).',
});

/** A 2-D set's descriptor: its generator, drawing from rngFor(seed, 'data'); without numClasses it has 2 classes. */
function twoD<const Name extends TwoDName, Params extends { numSamples: typeof numSamples; noise: typeof noise }>(
  name: Name,
  label: string,
  help: string,
  params: Params,
) {
  return defineDataset({
    name,
    label,
    help,
    params,
    input: 'point2d',
    create: (p, { seed }) => {
      const { numSamples: n, noise: std, numClasses: k = 2 } = p as { numSamples: number; noise: number; numClasses?: number };
      return Promise.resolve(TWO_D_GENERATORS[name](n, std, k, rngFor(seed, 'data')));
    },
  });
}

export const blobsDataset = twoD(
  'blobs',
  'Blobs',
  'Gaussian blobs, one per class, their centres evenly spaced on a circle at a random rotation.',
  { numSamples, noise, numClasses },
);
export const moonsDataset = twoD('moons', 'Two moons', 'Two interleaving half circles (scikit-learn make_moons); 2 classes.', {
  numSamples,
  noise,
});
export const circlesDataset = twoD(
  'circles',
  'Circles',
  'Two concentric circles (scikit-learn make_circles, factor 0.5); 2 classes.',
  { numSamples, noise },
);
export const spiralDataset = twoD('spiral', 'Spiral', 'One spiral arm per class (CS231n’s spiral data).', {
  numSamples,
  noise,
  numClasses,
});
export const xorDataset = twoD('xor', 'XOR', 'Class 1 where x and y have opposite signs (the XOR problem); 2 classes.', {
  numSamples,
  noise,
});
