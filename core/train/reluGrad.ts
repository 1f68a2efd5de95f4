import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { KernelRunner } from '../tf/kernelRunner';

/** dL/dz = dL/dy · 1[y > 0] for y = relu(z) (as TF: zero gradient at 0). A new tensor. */
export function reluGrad(runner: KernelRunner, y: TensorInfo, dy: TensorInfo): TensorInfo {
  const mask = runner.run('Step', { x: y }, { alpha: 0 });
  const dz = runner.run('Multiply', { a: dy, b: mask });
  runner.free(mask);
  return dz;
}
