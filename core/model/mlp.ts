import type { LayerSpec } from './architecture';
import type { ModelSpec } from './types';
import { featureCount } from './shapes';

/** Fully connected ReLU layers of sizes `spec.hidden`, then a dense layer to the class logits. */
export function mlpLayers(spec: ModelSpec): LayerSpec[] {
  if (spec.hidden.length === 0) throw new Error('an MLP needs at least one hidden layer size');
  const layers: LayerSpec[] = [];
  let inputs = featureCount(spec.inputShape);
  for (const units of spec.hidden) {
    layers.push({ type: 'dense', inputs, units, activation: 'relu' });
    inputs = units;
  }
  layers.push({ type: 'dense', inputs, units: spec.numClasses, activation: 'linear' });
  return layers;
}
