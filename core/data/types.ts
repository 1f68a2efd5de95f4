import type { DatasetName } from '../config/schema';

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
