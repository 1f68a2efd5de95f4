// Conv2DBackpropFilter, missing from tfjs-wasm (tfjs issue #8474), computed as one XNNPACK convolution:
// dW[kh,kw,ci,co] = Σ_{n,oh,ow} xpad[n, oh·s + kh, ow·s + kw, ci] · dy[n,oh,ow,co] is a convolution whose batch is ci,
// whose input channels are n and whose filter is dy (dilated by the forward stride).
import {
  backend_util,
  Conv2DBackpropFilter,
  type Conv2DBackpropFilterAttrs,
  type KernelBackend,
  type KernelFunc,
  type TensorInfo,
} from '@tensorflow/tfjs-core';
import { KernelRunner } from '../kernelRunner';
import type { WasmKernel } from './wasmKernel';

/** [n, h, w, c] → [h, w, n, c]: whole channel vectors move, so the SIMD block transpose does it when c % 4 = 0. */
function pixelsMajor(runner: KernelRunner, t: TensorInfo): TensorInfo {
  const [n, h, w, c] = t.shape;
  const simd = runner.simd();
  if (!simd || c % 4 !== 0) return runner.run('Transpose', { x: t }, { perm: [1, 2, 0, 3] });
  const out = runner.alloc([h, w, n, c]);
  simd.transposeBlocks(runner.pointer(t), runner.pointer(out), n, h * w, c * 4);
  return out;
}

export const conv2DBackpropFilterKernel: WasmKernel = {
  kernelName: Conv2DBackpropFilter,
  create() {
    const kernel: KernelFunc = (args) => {
      const { x, dy } = args.inputs as { x: TensorInfo; dy: TensorInfo };
      const { strides, pad, dataFormat, dimRoundingMode, filterShape } = args.attrs as unknown as Conv2DBackpropFilterAttrs;
      if (dataFormat !== 'NHWC') throw new Error(`Conv2DBackpropFilter on wasm supports NHWC only, got ${dataFormat}`);
      const info = backend_util.computeConv2DInfo(
        x.shape as [number, number, number, number],
        filterShape,
        strides,
        1,
        pad,
        dimRoundingMode,
      );
      const { filterHeight, filterWidth, strideHeight, strideWidth, padInfo } = info;
      const runner = KernelRunner.on(args.backend as KernelBackend, 'wasm');

      const xT = runner.run('Transpose', { x }, { perm: [3, 1, 2, 0] }); // [ci, h, w, n]
      const dyT = pixelsMajor(runner, dy); // [oh, ow, n, co]
      let grad = runner.run(
        'Conv2D',
        { x: xT, filter: dyT },
        {
          strides: 1,
          pad: [[0, 0], [padInfo.top, padInfo.bottom], [padInfo.left, padInfo.right], [0, 0]],
          dataFormat: 'NHWC',
          dilations: [strideHeight, strideWidth],
        },
      ); // [ci, ≥fh, ≥fw, co]
      runner.free(xT);
      runner.free(dyT);
      if (grad.shape[1] !== filterHeight || grad.shape[2] !== filterWidth) {
        // Strided windows that do not tile the padded input leave rows/columns no filter tap reaches.
        const cropped = runner.run(
          'Slice',
          { x: grad },
          { begin: [0, 0, 0, 0], size: [grad.shape[0], filterHeight, filterWidth, grad.shape[3]] },
        );
        runner.free(grad);
        grad = cropped;
      }
      const dw = runner.run('Transpose', { x: grad }, { perm: [1, 2, 0, 3] }); // [fh, fw, ci, co]
      runner.free(grad);
      return dw;
    };
    return kernel;
  },
};
