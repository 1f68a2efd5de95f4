// Calls the active backend's registered kernels directly on TensorInfos, skipping the engine (no Tensor objects, no
// scopes, no tape): for the small models we train, that bookkeeping costs as much as the arithmetic. Whoever runs a
// kernel owns its output and must free() it.
import {
  getBackend,
  getKernel,
  engine,
  type DataId,
  type DataType,
  type KernelBackend,
  type KernelFunc,
  type NamedAttrMap,
  type NamedTensorInfoMap,
  type TensorInfo,
} from '@tensorflow/tfjs-core';
import { simdKernelsFor, type SimdKernels } from './simd/simdKernels';

/**
 * The wasm backend's heap accessors (not in tfjs-core's KernelBackend type). These, and calling registered kernels
 * without the engine, are TF.js internals: package.json pins the @tensorflow packages to an exact version for them,
 * so check this file before moving the pin.
 */
interface HeapBackend {
  typedArrayFromHeap(info: TensorInfo): Float32Array | Int32Array | Uint8Array;
  makeOutput(shape: number[], dtype: DataType): TensorInfo;
  getMemoryOffset(dataId: DataId): number;
  wasm: { asm: { memory: WebAssembly.Memory } };
}

function hasHeap(backend: KernelBackend): backend is KernelBackend & HeapBackend {
  return typeof (backend as Partial<HeapBackend>).typedArrayFromHeap === 'function';
}

const runners = new WeakMap<KernelBackend, KernelRunner>();

export class KernelRunner {
  private readonly kernels = new Map<string, KernelFunc>();

  private constructor(
    readonly backend: KernelBackend,
    readonly backendName: string,
  ) {}

  /** A runner on the current global backend (call after initBackend). */
  static current(): KernelRunner {
    const name = getBackend();
    if (!name) throw new Error('KernelRunner: no TF.js backend is active; call initBackend() first');
    return KernelRunner.of(name);
  }

  /** A runner on a registered backend, active or not (tests compare backends side by side). */
  static of(backendName: string): KernelRunner {
    const backend = engine().findBackend(backendName);
    if (!backend) throw new Error(`KernelRunner: backend ${backendName} is not registered or failed to start`);
    return KernelRunner.on(backend, backendName);
  }

  /** The runner for a backend instance handed to a kernel function. */
  static on(backend: KernelBackend, backendName: string): KernelRunner {
    let runner = runners.get(backend);
    if (!runner) {
      runner = new KernelRunner(backend, backendName);
      runners.set(backend, runner);
    }
    return runner;
  }

  run(kernelName: string, inputs: NamedTensorInfoMap, attrs: NamedAttrMap = {}): TensorInfo {
    return this.call(this.kernel(kernelName), inputs, attrs);
  }

  /** Runs a kernel function held by the caller (e.g. the stock kernel that a custom kernel wraps). */
  call(kernelFunc: KernelFunc, inputs: NamedTensorInfoMap, attrs: NamedAttrMap = {}): TensorInfo {
    const out = kernelFunc({ inputs, attrs, backend: this.backend });
    if (Array.isArray(out)) throw new Error(`KernelRunner: kernel returned ${out.length} outputs, expected one`);
    return out;
  }

  /**
   * A new tensor holding `values`: wasm copies them; the cpu backend keeps the array, so leave it unchanged until
   * the tensor is freed.
   */
  upload(values: Float32Array | Int32Array, shape: number[], dtype: DataType = 'float32'): TensorInfo {
    return { dataId: this.backend.write(values, shape, dtype), shape, dtype };
  }

  /** A new float32 tensor whose values are undefined on wasm (zeros elsewhere), for a kernel to fill. */
  alloc(shape: number[]): TensorInfo {
    if (!hasHeap(this.backend)) return this.upload(new Float32Array(sizeOf(shape)), shape);
    return this.backend.makeOutput(shape, 'float32');
  }

  /** A new float32 tensor of zeros. */
  zeros(shape: number[]): TensorInfo {
    const out = this.alloc(shape);
    if (hasHeap(this.backend)) this.view(out).fill(0);
    return out;
  }

  /**
   * The tensor's values without copying where the backend allows it. Valid only until the next allocation (a wasm
   * heap growth detaches it). Write only into a fresh output: XNNPACK caches packed weights by tensor id, so a tensor
   * changed after a kernel read it may be served stale.
   */
  view(info: TensorInfo): Float32Array {
    if (info.dtype !== 'float32') throw new Error(`KernelRunner.view: expected float32, got ${info.dtype}`);
    const values = hasHeap(this.backend) ? this.backend.typedArrayFromHeap(info) : this.backend.readSync(info.dataId);
    if (!(values instanceof Float32Array)) throw new Error('KernelRunner.view: backend returned non-float32 data');
    return values;
  }

  /** Our SIMD kernels on this backend's heap, or null (not wasm, or no SIMD). */
  simd(): SimdKernels | null {
    return hasHeap(this.backend) ? simdKernelsFor(this.backend.wasm.asm.memory) : null;
  }

  /** Byte address of a tensor's data in the wasm heap, for the SIMD kernels. */
  pointer(info: TensorInfo): number {
    if (!hasHeap(this.backend)) throw new Error(`KernelRunner.pointer: the ${this.backendName} backend has no wasm heap`);
    return this.backend.getMemoryOffset(info.dataId);
  }

  /** A copy of the tensor's values, safe to keep. */
  read(info: TensorInfo): Float32Array {
    return this.view(info).slice();
  }

  free(info: TensorInfo): void {
    this.backend.disposeData(info.dataId);
  }

  /** Data buffers alive in the backend (engine tensors and runner tensors alike): a leak check. */
  liveBuffers(): number {
    return this.backend.numDataIds();
  }

  private kernel(name: string): KernelFunc {
    let fn = this.kernels.get(name);
    if (!fn) {
      const config = getKernel(name, this.backendName);
      if (!config) throw new Error(`kernel ${name} is not registered for the ${this.backendName} backend`);
      fn = config.kernelFunc;
      this.kernels.set(name, fn);
    }
    return fn;
  }
}

/** Same data, another shape (no copy, not owned: free the original, never the alias). */
export function reshaped(info: TensorInfo, shape: number[]): TensorInfo {
  return { dataId: info.dataId, shape, dtype: info.dtype };
}

function sizeOf(shape: number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}
