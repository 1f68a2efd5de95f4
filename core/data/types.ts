import type { z } from 'zod';
import type { DatasetName } from '../config/schema';
import type { Plugin } from '../plugin';

/** A labelled dataset held once per worker; clients refer to it by index lists, never copies. */
export interface Dataset {
  name: DatasetName;
  /** Row-major features: numExamples × featureSize, float32, model-ready scale (MNIST pixels in [0, 1]). */
  x: Float32Array;
  /** Class labels in [0, numClasses). */
  y: Int32Array;
  numExamples: number;
  /** Shape of one example: [28, 28, 1] for MNIST, [2] for the 2-D sets. */
  inputShape: number[];
  /** Product of inputShape. */
  featureSize: number;
  numClasses: number;
}

/** The seeded train/test split of one experiment's data. */
export interface DataSplit {
  train: Dataset;
  test: Dataset;
}

/** Where raw bytes come from: Node reads public/data from disk, the browser fetches it. */
export type AssetLoader = (name: 'mnist.bin') => Promise<Uint8Array>;

/** What a run gives every dataset besides its own parameters. */
export interface DatasetEnv {
  /** The experiment seed: a generated set draws from rngFor(seed, 'data'). */
  seed: number;
  loadAsset: AssetLoader;
}

/** A dataset: data.dataset selects one; `create` builds (or loads) the whole set from its own parameters. */
export interface DatasetPlugin<Params extends z.ZodRawShape = z.ZodRawShape>
  extends Plugin<Params, Promise<Dataset>, DatasetEnv> {
  /** Its examples: images [height, width, channels] (what image-only models need), or 2-D points the studio plots. */
  readonly input: 'image' | 'point2d';
}

/** Identity, so a plugin's `create` gets its parameters' types (and its name stays a literal). */
export const defineDataset = <const Name extends string, Params extends z.ZodRawShape>(
  plugin: DatasetPlugin<Params> & { name: Name },
) => plugin;
