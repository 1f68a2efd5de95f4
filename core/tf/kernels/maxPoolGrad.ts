// MaxPoolGrad as one SIMD pass over the windows (simd/simdKernels.wat), four channels at a time, or a JS loop when
// the channels do not fill vectors. tfjs-wasm's C++ version scans every window covering each dx element (the CNN's
// hot spot after the matmul and conv fixes) and, in 4.22, drops the gradient of windows whose maximum is negative.
import {
  backend_util,
  MaxPoolGrad,
  type KernelBackend,
  type KernelFunc,
  type MaxPoolGradAttrs,
  type TensorInfo,
} from '@tensorflow/tfjs-core';
import { KernelRunner } from '../kernelRunner';
import type { WasmKernel } from './wasmKernel';

export const maxPoolGradKernel: WasmKernel = {
  kernelName: MaxPoolGrad,
  create() {
    const kernel: KernelFunc = (args) => {
      const { dy, input, output } = args.inputs as { dy: TensorInfo; input: TensorInfo; output: TensorInfo };
      const { filterSize, strides, pad, dimRoundingMode } = args.attrs as unknown as MaxPoolGradAttrs;
      const runner = KernelRunner.on(args.backend as KernelBackend, 'wasm');
      const info = backend_util.computePool2DInfo(
        input.shape as [number, number, number, number],
        filterSize,
        strides,
        1,
        pad,
        dimRoundingMode,
      );
      const dx = runner.zeros(input.shape);
      const simd = runner.simd();
      const channels = info.inChannels;
      if (!simd || channels % 4 !== 0) {
        maxPoolGradJs(runner.view(input), runner.view(output), runner.view(dy), runner.view(dx), info);
        return dx;
      }
      simd.maxPoolGrad(
        runner.pointer(input),
        runner.pointer(output),
        runner.pointer(dy),
        runner.pointer(dx),
        info.batchSize,
        info.inHeight,
        info.inWidth,
        channels * 4,
        info.outHeight,
        info.outWidth,
        info.strideHeight,
        info.strideWidth,
        info.filterHeight,
        info.filterWidth,
        info.padInfo.top,
        info.padInfo.left,
      );
      return dx;
    };
    return kernel;
  },
};

/** The same routing as the SIMD kernel, one channel at a time (and its reference in simdKernels.test.ts). */
export function maxPoolGradJs(
  x: Float32Array,
  y: Float32Array,
  dy: Float32Array,
  dx: Float32Array,
  info: backend_util.Conv2DInfo,
): void {
  const { batchSize, inHeight, inWidth, inChannels: channels, outHeight, outWidth } = info;
  const { strideHeight, strideWidth, filterHeight, filterWidth, padInfo } = info;
  const rowStride = inWidth * channels;
  let o = 0;
  for (let n = 0; n < batchSize; n++) {
    const base = n * inHeight * rowStride;
    for (let oh = 0; oh < outHeight; oh++) {
      const h0 = oh * strideHeight - padInfo.top;
      const hEnd = Math.min(h0 + filterHeight, inHeight);
      for (let ow = 0; ow < outWidth; ow++) {
        const w0 = ow * strideWidth - padInfo.left;
        const wEnd = Math.min(w0 + filterWidth, inWidth);
        for (let c = 0; c < channels; c++, o++) {
          let taken = false;
          for (let h = Math.max(h0, 0); h < hEnd && !taken; h++) {
            for (let w = Math.max(w0, 0); w < wEnd; w++) {
              const at = base + h * rowStride + w * channels + c;
              if (x[at] === y[o]) {
                dx[at] += dy[o];
                taken = true;
                break;
              }
            }
          }
        }
      }
    }
  }
}
