import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { Conv2DLayer } from '../model/architecture';
import { reshaped, type KernelRunner } from '../tf/kernelRunner';
import type { LayerGradients, TrainableLayer } from './layer';
import { reluGrad } from './reluGrad';

/** y = relu(conv(x, K) + b), stride 1, 'same' padding, NHWC. */
export class Conv2D implements TrainableLayer {
  private readonly conv = { strides: 1, pad: 'same', dataFormat: 'NHWC' } as const;

  constructor(
    private readonly spec: Conv2DLayer,
    private readonly runner: KernelRunner,
  ) {}

  forward(x: TensorInfo, [filter, bias]: readonly TensorInfo[]): TensorInfo {
    return this.runner.run(
      'FusedConv2D',
      { x, filter, bias },
      { ...this.conv, dilations: 1, dimRoundingMode: 'floor', activation: this.spec.activation },
    );
  }

  backward(
    x: TensorInfo,
    y: TensorInfo,
    dy: TensorInfo,
    [filter]: readonly TensorInfo[],
    needInputGrad: boolean,
  ): LayerGradients {
    const runner = this.runner;
    const dz = reluGrad(runner, y, dy);
    const dFilter = runner.run('Conv2DBackpropFilter', { x, dy: dz }, { ...this.conv, filterShape: filter.shape });
    const dBias = runner.run('Sum', { x: dz }, { axis: [0, 1, 2], keepDims: false });
    const dx = needInputGrad
      ? runner.run('Conv2DBackpropInput', { dy: dz, filter }, { ...this.conv, inputShape: x.shape })
      : null;
    runner.free(dz);
    return { dx, grads: [dFilter, reshaped(dBias, [this.spec.filters])] };
  }
}
