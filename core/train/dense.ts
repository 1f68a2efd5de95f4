import type { TensorInfo } from '@tensorflow/tfjs-core';
import { l2Norm } from '../math/vector';
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
    const dz = this.preActivationGrad(y, dy);
    const x2 = reshaped(x, [x.shape[0], inputs]);
    const dKernel = runner.run('BatchMatMul', { a: dz, b: x2 }, { transposeA: true, transposeB: false });
    const dBias = runner.run('Sum', { x: dz }, { axis: [0], keepDims: false });
    const dx = needInputGrad ? this.inputGrad(x, dz, kernel) : null;
    if (dz !== dy) runner.free(dz);
    return { dx, grads: [reshaped(dKernel, [units, inputs]), reshaped(dBias, [units])] };
  }

  // Example i's gradients are ∂W = dzᵢ ⊗ xᵢ and ∂b = dzᵢ, so ‖∂W‖² + ‖∂b‖² = ‖dzᵢ‖²(‖xᵢ‖² + 1) (Goodfellow 2015,
  // "Efficient per-example gradient computations").
  addSquaredGradNorms(
    x: TensorInfo,
    y: TensorInfo,
    dy: TensorInfo,
    [kernel]: readonly TensorInfo[],
    needInputGrad: boolean,
    norms: Float64Array,
  ): TensorInfo | null {
    const { inputs, units } = this.spec;
    const dz = this.preActivationGrad(y, dy);
    const [xs, dzs] = [this.runner.view(x), this.runner.view(dz)];
    for (let i = 0; i < norms.length; i++) {
      const dzNorm = l2Norm(dzs.subarray(i * units, (i + 1) * units));
      const xNorm = l2Norm(xs.subarray(i * inputs, (i + 1) * inputs));
      norms[i] += dzNorm * dzNorm * (xNorm * xNorm + 1);
    }
    const dx = needInputGrad ? this.inputGrad(x, dz, kernel) : null;
    if (dz !== dy) this.runner.free(dz);
    return dx;
  }

  /** dL/dz for z = x·Wᵀ + b: dy itself for a linear layer, else a new tensor. */
  private preActivationGrad(y: TensorInfo, dy: TensorInfo): TensorInfo {
    return this.spec.activation === 'relu' ? reluGrad(this.runner, y, dy) : dy;
  }

  /** dL/dx = dz·W, shaped like x. */
  private inputGrad(x: TensorInfo, dz: TensorInfo, kernel: TensorInfo): TensorInfo {
    const dx2 = this.runner.run('BatchMatMul', { a: dz, b: kernel }, { transposeA: false, transposeB: false });
    return reshaped(dx2, x.shape);
  }
}
