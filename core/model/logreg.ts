import type { LayerSpec } from './architecture';
import type { ModelSpec } from './types';
import { featureCount } from './shapes';

/** Multinomial logistic regression: one dense layer to the class logits. */
export function logregLayers(spec: ModelSpec): LayerSpec[] {
  return [{ type: 'dense', inputs: featureCount(spec.inputShape), units: spec.numClasses, activation: 'linear' }];
}
