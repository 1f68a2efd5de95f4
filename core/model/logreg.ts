import type { LayerSpec } from './architecture';
import { featureCount } from './shapes';
import { defineModel, type ModelShape } from './types';

/** Multinomial logistic regression: one dense layer to the class logits. */
export function logregLayers(spec: ModelShape): LayerSpec[] {
  return [{ type: 'dense', inputs: featureCount(spec.inputShape), units: spec.numClasses, activation: 'linear' }];
}

export const logreg = defineModel({
  name: 'logreg',
  label: 'Logistic regression',
  help: 'Multinomial logistic (softmax) regression: one dense layer from the inputs to the class logits, the convex baseline.',
  params: {},
  create: (_params, shape) => logregLayers(shape),
});
