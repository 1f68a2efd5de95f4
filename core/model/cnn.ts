import type { LayerSpec } from './architecture';
import { featureCount } from './shapes';
import { defineModel, type ModelShape } from './types';

/** conv 5×5×8 'same' + ReLU → max-pool 2 → conv 5×5×16 'same' + ReLU → max-pool 2 → dense to the classes. */
export function cnnLayers(spec: ModelShape): LayerSpec[] {
  const [h, w, c] = spec.inputShape;
  if (spec.inputShape.length !== 3 || !(h >= 4 && w >= 4 && c >= 1)) {
    throw new Error(`the CNN needs image input [height ≥ 4, width ≥ 4, channels], got [${spec.inputShape.join(', ')}]`);
  }
  const h2 = Math.floor(h / 2);
  const w2 = Math.floor(w / 2);
  return [
    { type: 'conv2d', inputShape: [h, w, c], filters: 8, kernelSize: 5, activation: 'relu' },
    { type: 'maxPool2d', inputShape: [h, w, 8], size: 2 },
    { type: 'conv2d', inputShape: [h2, w2, 8], filters: 16, kernelSize: 5, activation: 'relu' },
    { type: 'maxPool2d', inputShape: [h2, w2, 16], size: 2 },
    {
      type: 'dense',
      inputs: featureCount([Math.floor(h2 / 2), Math.floor(w2 / 2), 16]),
      units: spec.numClasses,
      activation: 'linear',
    },
  ];
}

export const cnn = defineModel({
  name: 'cnn',
  label: 'CNN (2 conv layers)',
  help: 'conv 5×5×8 → max-pool 2 → conv 5×5×16 → max-pool 2 → dense: the CNN of McMahan et al. 2017, narrower (8 and 16 filters, no 512-unit layer); images only.',
  params: {},
  needsImages: true,
  create: (_params, shape) => cnnLayers(shape),
});
