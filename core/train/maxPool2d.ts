import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { MaxPool2DLayer } from '../model/architecture';
import type { KernelRunner } from '../tf/kernelRunner';
import type { LayerGradients, TrainableLayer } from './layer';

/** Max pooling, window = stride = spec.size, no padding, NHWC. */
export class MaxPool2D implements TrainableLayer {
  private readonly attrs: { filterSize: number; strides: number; pad: 'valid' };

  constructor(
    spec: MaxPool2DLayer,
    private readonly runner: KernelRunner,
  ) {
    this.attrs = { filterSize: spec.size, strides: spec.size, pad: 'valid' };
  }

  forward(x: TensorInfo): TensorInfo {
    return this.runner.run('MaxPool', { x }, this.attrs);
  }

  backward(x: TensorInfo, y: TensorInfo, dy: TensorInfo, _params: readonly TensorInfo[], needInputGrad: boolean): LayerGradients {
    const dx = needInputGrad ? this.runner.run('MaxPoolGrad', { dy, input: x, output: y }, this.attrs) : null;
    return { dx, grads: [] };
  }
}
