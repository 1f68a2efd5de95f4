import { describe, expect, it } from 'vitest';
import { DATASETS, TWO_D_DATASETS, dataSchema, defaultConfig, parseConfig } from '../config/schema';
import { rngFor } from '../rng';
import { buildDataset } from './load';
import { DATASET_PLUGINS } from './registry';
import { moonsDataset, TWO_D_GENERATORS } from './twoD';

const noAsset = () => Promise.reject(new Error('no assets in this test'));

describe('dataset plugins', () => {
  it('are chosen by data.dataset, with the section’s defaults unchanged', () => {
    expect(dataSchema.unwrap().shape.dataset.unwrap().options).toEqual(DATASET_PLUGINS.map((p) => p.name));
    expect(DATASETS).toEqual(['mnist', 'blobs', 'moons', 'circles', 'spiral', 'xor']);
    expect(TWO_D_DATASETS).toEqual(['blobs', 'moons', 'circles', 'spiral', 'xor']);
    expect(defaultConfig().data).toEqual({ dataset: 'mnist', numSamples: 1_000, noise: 0.1, numClasses: 3, testFraction: 0.2 });
  });

  it('build a set from their own parameters and the seed, as the generators did', async () => {
    const moons = await moonsDataset.create({ numSamples: 300, noise: 0.2 }, { seed: 9, loadAsset: noAsset });
    expect(moons).toEqual(TWO_D_GENERATORS.moons(300, 0.2, 2, rngFor(9, 'data')));
    const config = parseConfig({ seed: 9, data: { dataset: 'spiral', numSamples: 300, numClasses: 4 } });
    expect(await buildDataset(config, noAsset)).toEqual(TWO_D_GENERATORS.spiral(300, 0.1, 4, rngFor(9, 'data')));
  });

  it('load MNIST through the asset loader, naming the fix when it fails', async () => {
    await expect(buildDataset(parseConfig({}), noAsset)).rejects.toThrow(
      'could not load public/data/mnist.bin (no assets in this test): run `npm install`',
    );
  });
});
