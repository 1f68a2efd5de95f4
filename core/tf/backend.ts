// Chooses and starts the process-global TF.js backend: WASM (SIMD, one thread) with our custom kernels, or the plain
// JS cpu backend when WASM cannot start.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { RuntimeInfo } from '../engine/executor';
import { registerWasmKernels, type KernelSet } from './kernels/registry';

export interface BackendOptions {
  preferred?: 'wasm' | 'cpu';
  /** Browser only: folder serving the tfjs .wasm files, e.g. '/tfjs/'. Node finds them in node_modules. */
  wasmPaths?: string;
  /** Which custom WASM kernels to register: 'all' (default) or 'required' (only what training needs to run). */
  kernels?: KernelSet;
}

export interface BackendInfo extends RuntimeInfo {
  /** Set when WASM was preferred but failed to start and the cpu backend runs instead. */
  fallbackReason?: string;
}

let started: { key: string; info: Promise<BackendInfo> } | null = null;

/**
 * Starts the backend once per process; later calls with the same options return the same result, and calls with
 * different options are refused (the backend, its kernels and the wasm path are process-global).
 */
export function initBackend(opts: BackendOptions = {}): Promise<BackendInfo> {
  const resolved = { preferred: opts.preferred ?? 'wasm', wasmPaths: opts.wasmPaths, kernels: opts.kernels ?? 'all' };
  const key = JSON.stringify(resolved);
  if (started) {
    if (started.key !== key) {
      return Promise.reject(new Error(`initBackend: already started with ${started.key}, cannot switch to ${key}`));
    }
    return started.info;
  }
  started = { key, info: start(resolved.preferred, resolved.wasmPaths, resolved.kernels) };
  return started.info;
}

async function start(preferred: 'wasm' | 'cpu', wasmPaths: string | undefined, kernels: KernelSet): Promise<BackendInfo> {
  // Silences tfjs's console warnings, e.g. the cpu backend's "install tfjs-node" banner, which cannot apply here.
  tf.enableProdMode();
  if (preferred === 'cpu') return startCpu();
  // Threads would need COOP/COEP and hang in bundled workers; parallelism comes from the worker pool instead.
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  if (wasmPaths !== undefined) setWasmPaths(wasmPaths);
  registerWasmKernels(kernels);
  let reason: string;
  try {
    if (await tf.setBackend('wasm')) {
      await tf.ready();
      return { backend: 'wasm', simd: await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT') === true };
    }
    reason = 'tf.setBackend("wasm") returned false';
  } catch (error) {
    reason = error instanceof Error ? error.message : String(error);
  }
  const info = await startCpu();
  const fallbackReason = `WASM backend failed to start (${reason}); training runs on the much slower cpu backend`;
  console.warn(`FedStudio: ${fallbackReason}`);
  return { ...info, fallbackReason };
}

async function startCpu(): Promise<BackendInfo> {
  if (!(await tf.setBackend('cpu'))) throw new Error('TF.js cpu backend failed to start');
  await tf.ready();
  return { backend: 'cpu', simd: false };
}
