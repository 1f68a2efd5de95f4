import type { ExperimentConfig } from '../config/schema';
import type { Dataset } from '../data/types';
import { modelPlugin } from './registry';
import type { ModelSpec } from './types';

/** The model an experiment trains on a dataset (input shape and class count come from the data). */
export function modelSpecFor(config: ExperimentConfig, dataset: Pick<Dataset, 'inputShape' | 'numClasses'>): ModelSpec {
  const { kind, hidden } = config.model;
  return {
    kind,
    inputShape: [...dataset.inputShape],
    numClasses: dataset.numClasses,
    // Only a model that has hidden layers keeps their sizes in its spec.
    hidden: 'hidden' in modelPlugin(kind).params ? [...hidden] : [],
  };
}
