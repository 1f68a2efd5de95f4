import type { KernelFunc } from '@tensorflow/tfjs-core';

/** One of our kernels for the wasm backend. */
export interface WasmKernel {
  kernelName: string;
  /** Builds the kernel; `stock` is the tfjs-wasm kernel it replaces (undefined when tfjs-wasm has none). */
  create(stock: KernelFunc | undefined): KernelFunc;
}
