import type { ExperimentConfig } from '../config/schema';
import type { Dataset } from '../data/types';
import type { ModelSpec } from './types';

/** The model an experiment trains on a dataset (input shape and class count come from the data). */
export function modelSpecFor(config: ExperimentConfig, dataset: Pick<Dataset, 'inputShape' | 'numClasses'>): ModelSpec {
  return {
    kind: config.model.kind,
    inputShape: [...dataset.inputShape],
    numClasses: dataset.numClasses,
    hidden: config.model.kind === 'mlp' ? [...config.model.hidden] : [],
  };
}
