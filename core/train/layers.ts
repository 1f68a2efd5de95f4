import type { LayerSpec } from '../model/architecture';
import type { KernelRunner } from '../tf/kernelRunner';
import { Conv2D } from './conv2d';
import { Dense } from './dense';
import type { TrainableLayer } from './layer';
import { MaxPool2D } from './maxPool2d';

/** The trainable implementation of a layer spec. */
export function buildLayer(spec: LayerSpec, runner: KernelRunner): TrainableLayer {
  switch (spec.type) {
    case 'dense':
      return new Dense(spec, runner);
    case 'conv2d':
      return new Conv2D(spec, runner);
    case 'maxPool2d':
      return new MaxPool2D(spec, runner);
  }
}
