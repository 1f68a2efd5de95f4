// Conv2DBackpropInput on XNNPACK instead of tfjs-wasm's plain loop. For stride 1, dx is the convolution of dy with
// the filter rotated 180° and its in/out channels swapped, padded by (filter − 1 − forward pad) on each side.
import {
  backend_util,
  Conv2DBackpropInput,
  type Conv2DBackpropInputAttrs,
  type KernelBackend,
  type KernelFunc,
  type TensorInfo,
} from '@tensorflow/tfjs-core';
import { KernelRunner } from '../kernelRunner';
import type { WasmKernel } from './wasmKernel';

/**
 * [fh, fw, ci, co] → [fh, fw, co, ci] turned 180° in space. A few thousand values: a JS loop beats the two kernels
 * (Reverse + Transpose) it replaces.
 */
function rotateFilter(runner: KernelRunner, filter: TensorInfo): TensorInfo {
  const [fh, fw, ci, co] = filter.shape;
  const rotated = runner.alloc([fh, fw, co, ci]);
  const src = runner.view(filter);
  const dst = runner.view(rotated);
  let o = 0;
  for (let kh = 0; kh < fh; kh++) {
    for (let kw = 0; kw < fw; kw++) {
      const tap = ((fh - 1 - kh) * fw + (fw - 1 - kw)) * ci * co;
      for (let out = 0; out < co; out++) {
        for (let inp = 0; inp < ci; inp++) dst[o++] = src[tap + inp * co + out];
      }
    }
  }
  return rotated;
}

export const conv2DBackpropInputKernel: WasmKernel = {
  kernelName: Conv2DBackpropInput,
  create(stock) {
    if (!stock) throw new Error('tfjs-wasm has no Conv2DBackpropInput kernel to wrap');
    const kernel: KernelFunc = (args) => {
      const { dy, filter } = args.inputs as { dy: TensorInfo; filter: TensorInfo };
      const { strides, pad, dataFormat, dimRoundingMode, inputShape } = args.attrs as unknown as Conv2DBackpropInputAttrs;
      if (dataFormat !== 'NHWC') return stock(args);
      const info = backend_util.computeConv2DInfo(
        inputShape,
        filter.shape as [number, number, number, number],
        strides,
        1,
        pad,
        dimRoundingMode,
      );
      const { filterHeight, filterWidth, strideHeight, strideWidth, padInfo } = info;
      const padTop = filterHeight - 1 - padInfo.top;
      const padBottom = filterHeight - 1 - padInfo.bottom;
      const padLeft = filterWidth - 1 - padInfo.left;
      const padRight = filterWidth - 1 - padInfo.right;
      if (strideHeight !== 1 || strideWidth !== 1 || Math.min(padTop, padBottom, padLeft, padRight) < 0) {
        return stock(args);
      }
      const runner = KernelRunner.on(args.backend as KernelBackend, 'wasm');
      const rotated = rotateFilter(runner, filter);
      const dx = runner.run(
        'Conv2D',
        { x: dy, filter: rotated },
        {
          strides: 1,
          pad: [[0, 0], [padTop, padBottom], [padLeft, padRight], [0, 0]],
          dataFormat: 'NHWC',
          dilations: 1,
        },
      );
      runner.free(rotated);
      return dx;
    };
    return kernel;
  },
};
