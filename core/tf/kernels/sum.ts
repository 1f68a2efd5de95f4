// Sum over all axes but the last (a bias gradient: Σ over batch and pixels per channel) as one SIMD pass.
// tfjs-wasm reduces only innermost axes, so it transposes the whole tensor first.
import { Sum, util, type KernelBackend, type KernelFunc, type SumAttrs, type TensorInfo } from '@tensorflow/tfjs-core';
import { KernelRunner } from '../kernelRunner';
import type { WasmKernel } from './wasmKernel';

export const sumKernel: WasmKernel = {
  kernelName: Sum,
  create(stock) {
    if (!stock) throw new Error('tfjs-wasm has no Sum kernel to wrap');
    const kernel: KernelFunc = (args) => {
      const { x } = args.inputs as { x: TensorInfo };
      const { axis, keepDims } = args.attrs as unknown as SumAttrs;
      const rank = x.shape.length;
      const axes = util.parseAxisParam(axis, x.shape);
      const leading = rank >= 2 && axes.length === rank - 1 && axes.every((a) => a < rank - 1);
      const runner = KernelRunner.on(args.backend as KernelBackend, 'wasm');
      const simd = runner.simd();
      const channels = x.shape[rank - 1];
      if (!leading || !simd || channels % 4 !== 0 || x.dtype !== 'float32') return stock(args);
      const out = runner.zeros(keepDims ? [...new Array<number>(rank - 1).fill(1), channels] : [channels]);
      simd.columnSums(runner.pointer(x), runner.pointer(out), util.sizeFromShape(x.shape) / channels, channels * 4);
      return out;
    };
    return kernel;
  },
};
