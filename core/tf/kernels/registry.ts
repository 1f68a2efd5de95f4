import { getKernel, registerKernel, unregisterKernel } from '@tensorflow/tfjs-core';
import { batchMatMulKernel } from './batchMatMul';
import { conv2DBackpropFilterKernel } from './conv2DBackpropFilter';
import { conv2DBackpropInputKernel } from './conv2DBackpropInput';
import { fusedMatMulKernel } from './fusedMatMul';
import { maxPoolGradKernel } from './maxPoolGrad';
import { sumKernel } from './sum';
import type { WasmKernel } from './wasmKernel';

/** 'required': only the kernels tfjs-wasm lacks for training (the "stock" baseline); 'all': every speed-up too. */
export type KernelSet = 'all' | 'required';

const REQUIRED: readonly WasmKernel[] = [conv2DBackpropFilterKernel];
const SPEED_UPS: readonly WasmKernel[] = [
  batchMatMulKernel,
  fusedMatMulKernel,
  conv2DBackpropInputKernel,
  maxPoolGradKernel,
  sumKernel,
];

let registered: KernelSet | null = null;

/**
 * Registers our kernels for the wasm backend, wrapping the stock ones they replace. Call before
 * tf.setBackend('wasm') so the stock kernels' setup still runs. Registration is process-global: once per process.
 */
export function registerWasmKernels(set: KernelSet = 'all'): void {
  if (registered === set) return;
  if (registered) throw new Error(`registerWasmKernels: '${registered}' kernels are registered, cannot switch to '${set}'`);
  for (const kernel of set === 'all' ? [...REQUIRED, ...SPEED_UPS] : REQUIRED) {
    const stock = getKernel(kernel.kernelName, 'wasm');
    if (stock) unregisterKernel(kernel.kernelName, 'wasm');
    registerKernel({
      kernelName: kernel.kernelName,
      backendName: 'wasm',
      kernelFunc: kernel.create(stock?.kernelFunc),
      // The stock kernel's setup binds its wasm function, which our kernel may still call.
      setupFunc: stock?.setupFunc,
      disposeFunc: stock?.disposeFunc,
    });
  }
  registered = set;
}
