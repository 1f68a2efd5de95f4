import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { DenseLayer } from '../model/architecture';
import { reshaped, type KernelRunner } from '../tf/kernelRunner';
import type { LayerGradients, TrainableLayer } from './layer';
import { reluGrad } from './reluGrad';

/** y = act(x·Wᵀ + b) with W stored [units, inputs]; the input is flattened per example. */
export class Dense implements TrainableLayer {
  constructor(
    private readonly spec: DenseLayer,
    private readonly runner: KernelRunner,
  ) {}

  forward(x: TensorInfo, [kernel, bias]: readonly TensorInfo[]): TensorInfo {
    const { inputs, units, activation } = this.spec;
    const batch = x.shape[0];
    const y = this.runner.run(
      '_FusedMatMul',
      { a: reshaped(x, [1, batch, inputs]), b: reshaped(kernel, [1, units, inputs]), bias },
      { transposeA: false, transposeB: true, activation },
    );
    return reshaped(y, [batch, units]);
  }

  backward(
    x: TensorInfo,
    y: TensorInfo,
    dy: TensorInfo,
    [kernel]: readonly TensorInfo[],
    needInputGrad: boolean,
  ): LayerGradients {
    const { inputs, units } = this.spec;
    const runner = this.runner;
    const dz = this.spec.activation === 'relu' ? reluGrad(runner, y, dy) : dy;
    const x2 = reshaped(x, [x.shape[0], inputs]);
    const dKernel = runner.run('BatchMatMul', { a: dz, b: x2 }, { transposeA: true, transposeB: false });
    const dBias = runner.run('Sum', { x: dz }, { axis: [0], keepDims: false });
    let dx: TensorInfo | null = null;
    if (needInputGrad) {
      const dx2 = runner.run('BatchMatMul', { a: dz, b: kernel }, { transposeA: false, transposeB: false });
      dx = reshaped(dx2, x.shape);
    }
    if (dz !== dy) runner.free(dz);
    return { dx, grads: [reshaped(dKernel, [units, inputs]), reshaped(dBias, [units])] };
  }
}
