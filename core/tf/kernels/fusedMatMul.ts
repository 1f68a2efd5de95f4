// _FusedMatMul (matmul + bias + activation) with transposed operands on XNNPACK instead of tfjs-wasm's scalar loop.
// In the flipped orientation (see matMulPlan.ts) XNNPACK's bias would run along the wrong axis, so bias and
// activation then run as separate kernels.
import {
  _FusedMatMul,
  type KernelBackend,
  type KernelFunc,
  type NamedAttrMap,
  type TensorInfo,
} from '@tensorflow/tfjs-core';
import { KernelRunner, reshaped } from '../kernelRunner';
import { chooseOrientation, matrixDims, orientedMatMul } from './matMulPlan';
import type { WasmKernel } from './wasmKernel';

interface FusedInputs {
  a: TensorInfo;
  b: TensorInfo;
  bias?: TensorInfo;
  preluActivationWeights?: TensorInfo;
}

/** Activations we can apply after the product; anything else stays on the stock kernel. */
const SEPARATE_ACTIVATIONS = new Set(['linear', 'relu', 'relu6', 'elu', 'sigmoid', 'leakyrelu', 'prelu']);

export const fusedMatMulKernel: WasmKernel = {
  kernelName: _FusedMatMul,
  create(stock) {
    if (!stock) throw new Error('tfjs-wasm has no _FusedMatMul kernel to wrap');
    const kernel: KernelFunc = (args) => {
      const inputs = args.inputs as unknown as FusedInputs;
      const attrs = args.attrs ?? {};
      const { a, b } = inputs;
      const transposeA = attrs.transposeA === true;
      const transposeB = attrs.transposeB === true;
      const activation = typeof attrs.activation === 'string' ? attrs.activation : 'linear';
      const aDims = matrixDims(a);
      const bDims = matrixDims(b);
      if ((!transposeA && !transposeB) || !aDims || !bDims || !SEPARATE_ACTIVATIONS.has(activation)) return stock(args);
      const runner = KernelRunner.on(args.backend as KernelBackend, 'wasm');
      const orientation = chooseOrientation(aDims, bDims, transposeA, transposeB);
      const untransposed = (left: TensorInfo, right: TensorInfo, fusedAttrs: NamedAttrMap, withEpilogue: boolean) =>
        runner.call(
          stock,
          withEpilogue ? { ...inputs, a: left, b: right } : { a: left, b: right },
          { ...fusedAttrs, transposeA: false, transposeB: false },
        );
      let out: TensorInfo;
      if (orientation === 'plain') {
        out = orientedMatMul(runner, a, b, transposeA, transposeB, orientation, (l, r) => untransposed(l, r, attrs, true));
      } else {
        out = orientedMatMul(runner, a, b, transposeA, transposeB, orientation, (l, r) =>
          untransposed(l, r, { activation: 'linear' }, false),
        );
        out = epilogue(runner, out, inputs, activation, attrs);
      }
      return reshaped(out, [1, ...out.shape]);
    };
    return kernel;
  },
};

/** bias + activation on a [M, N] product, as the fused kernel would apply them. Frees `product`. */
function epilogue(
  runner: KernelRunner,
  product: TensorInfo,
  inputs: FusedInputs,
  activation: string,
  attrs: NamedAttrMap,
): TensorInfo {
  let out = product;
  const step = (next: TensorInfo) => {
    runner.free(out);
    out = next;
  };
  if (inputs.bias) step(runner.run('Add', { a: out, b: inputs.bias }));
  switch (activation) {
    case 'relu':
      step(runner.run('Relu', { x: out }));
      break;
    case 'relu6':
      step(runner.run('Relu6', { x: out }));
      break;
    case 'elu':
      step(runner.run('Elu', { x: out }));
      break;
    case 'sigmoid':
      step(runner.run('Sigmoid', { x: out }));
      break;
    case 'leakyrelu':
      step(runner.run('LeakyRelu', { x: out }, { alpha: attrs.leakyreluAlpha ?? 0.2 }));
      break;
    case 'prelu':
      if (!inputs.preluActivationWeights) throw new Error('_FusedMatMul: prelu needs preluActivationWeights');
      step(runner.run('Prelu', { x: out, alpha: inputs.preluActivationWeights }));
      break;
  }
  return out;
}
