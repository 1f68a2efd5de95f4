// SIMD loops that tfjs-wasm lacks or runs slowly (simdKernels.wat, documented there), run directly on the tfjs-wasm
// heap. The binary is built from the .wat by scripts/build-simd.mjs and checked in as simdKernelsWasm.ts.
import { SIMD_KERNELS_WASM } from './simdKernelsWasm';

export interface SimdKernels {
  maxPoolGrad(
    x: number, y: number, dy: number, dx: number, batch: number, inH: number, inW: number, pixelBytes: number,
    outH: number, outW: number, strideH: number, strideW: number, filterH: number, filterW: number,
    padTop: number, padLeft: number,
  ): void;
  columnSums(input: number, out: number, rows: number, rowBytes: number): void;
  transposeBlocks(src: number, dst: number, rows: number, cols: number, blockBytes: number): void;
}

const instances = new WeakMap<WebAssembly.Memory, SimdKernels | null>();

/**
 * The kernels bound to a tfjs-wasm heap, or null where they cannot run (no SIMD, or a shared multi-threaded heap):
 * callers then keep the stock kernels.
 */
export function simdKernelsFor(memory: WebAssembly.Memory): SimdKernels | null {
  let kernels = instances.get(memory);
  if (kernels === undefined) {
    kernels = instantiate(memory);
    instances.set(memory, kernels);
  }
  return kernels;
}

function instantiate(memory: WebAssembly.Memory): SimdKernels | null {
  if (typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer) return null;
  const bytes = Uint8Array.from(atob(SIMD_KERNELS_WASM), (char) => char.charCodeAt(0));
  if (!WebAssembly.validate(bytes)) return null;
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } });
  return instance.exports as unknown as SimdKernels;
}
