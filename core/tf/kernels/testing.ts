// Test helper: runs one kernel on the wasm backend (with our kernels) and on the cpu backend, same inputs.
import type { DataType, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs-core';
import { Rng } from '../../rng';
import { initBackend } from '../backend';
import { KernelRunner } from '../kernelRunner';

export interface HostTensor {
  values: Float32Array | Int32Array;
  shape: number[];
  dtype?: DataType;
}

export interface BothResults {
  wasm: { values: Float32Array; shape: number[] };
  cpu: { values: Float32Array; shape: number[] };
}

/** Starts wasm (all custom kernels) and returns runners for it and for the cpu backend. */
export async function wasmAndCpu(): Promise<{ wasm: KernelRunner; cpu: KernelRunner }> {
  await initBackend({ preferred: 'wasm' });
  return { wasm: KernelRunner.of('wasm'), cpu: KernelRunner.of('cpu') };
}

/** Normal(0, 1) values from a seeded stream. */
export function randomTensor(shape: number[], rng: Rng): HostTensor {
  const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
  for (let i = 0; i < values.length; i++) values[i] = rng.normal();
  return { values, shape };
}

/** Runs `kernel` with the same inputs on both runners; frees everything it allocated. */
export function runOnBoth(
  runners: { wasm: KernelRunner; cpu: KernelRunner },
  kernel: string,
  inputs: Record<string, HostTensor>,
  attrs: NamedAttrMap,
): BothResults {
  const run = (runner: KernelRunner) => {
    const uploaded: Record<string, TensorInfo> = {};
    for (const [name, t] of Object.entries(inputs)) uploaded[name] = runner.upload(t.values, t.shape, t.dtype);
    const out = runner.run(kernel, uploaded, attrs);
    const result = { values: runner.read(out), shape: out.shape };
    runner.free(out);
    for (const t of Object.values(uploaded)) runner.free(t);
    return result;
  };
  return { wasm: run(runners.wasm), cpu: run(runners.cpu) };
}

/** max |a − b| / max |b|: error relative to the result's scale. */
export function relativeError(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) return Infinity;
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < a.length; i++) {
    diff = Math.max(diff, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(b[i]));
  }
  return scale === 0 ? diff : diff / scale;
}
