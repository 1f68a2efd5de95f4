import type { ExperimentConfig } from '../config/schema';
import { rngFor } from '../rng';
import { datasetPlugin } from './registry';
import { stratifiedSplit } from './split';
import { subsetDataset } from './subset';
import type { AssetLoader, DataSplit, Dataset } from './types';

/** The experiment's whole dataset: MNIST decoded from its asset, or a 2-D set generated from rngFor(seed, 'data'). */
export async function buildDataset(config: ExperimentConfig, loadAsset: AssetLoader): Promise<Dataset> {
  return datasetPlugin(config.data.dataset).create(config.data as never, { seed: config.seed, loadAsset });
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
