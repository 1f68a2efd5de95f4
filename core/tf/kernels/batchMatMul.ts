// BatchMatMul with transposed operands on XNNPACK instead of tfjs-wasm's scalar loop (see matMulPlan.ts).
import { BatchMatMul, type KernelFunc, type KernelBackend, type TensorInfo } from '@tensorflow/tfjs-core';
import { KernelRunner, reshaped } from '../kernelRunner';
import { chooseOrientation, matrixDims, orientedMatMul } from './matMulPlan';
import type { WasmKernel } from './wasmKernel';

export const batchMatMulKernel: WasmKernel = {
  kernelName: BatchMatMul,
  create(stock) {
    if (!stock) throw new Error('tfjs-wasm has no BatchMatMul kernel to wrap');
    const kernel: KernelFunc = (args) => {
      const { a, b } = args.inputs as { a: TensorInfo; b: TensorInfo };
      const transposeA = args.attrs?.transposeA === true;
      const transposeB = args.attrs?.transposeB === true;
      const aDims = matrixDims(a);
      const bDims = matrixDims(b);
      if ((!transposeA && !transposeB) || !aDims || !bDims || a.dtype !== 'float32' || b.dtype !== 'float32') {
        return stock(args);
      }
      const runner = KernelRunner.on(args.backend as KernelBackend, 'wasm');
      const orientation = chooseOrientation(aDims, bDims, transposeA, transposeB);
      const out = orientedMatMul(runner, a, b, transposeA, transposeB, orientation, (left, right) =>
        runner.call(stock, { a: left, b: right }, { transposeA: false, transposeB: false }),
      );
      const rank = Math.max(a.shape.length, b.shape.length);
      return reshaped(out, [...new Array<number>(rank - 2).fill(1), ...out.shape]);
    };
    return kernel;
  },
};
