// The Web Worker pool for the studio.
import * as Comlink from 'comlink';
import type { ClientApi, ClientWorkerOptions } from './clientApi';
import { WorkerPoolExecutor, workerFailure, type PoolWorker } from './workerPoolExecutor';

export interface BrowserPoolOptions {
  /** Number of Web Workers (default: navigator.hardwareConcurrency). */
  workers?: number;
  /** URL prefix of the tfjs .wasm files (e.g. "/tfjs/"). */
  wasmPaths: string;
  /** Origin the workers fetch /data/<name> from (default: the page's origin). */
  origin?: string;
}

export function createBrowserPoolExecutor(options: BrowserPoolOptions): WorkerPoolExecutor {
  const workers = options.workers ?? Math.max(1, navigator.hardwareConcurrency || 1);
  const clientOptions: ClientWorkerOptions = {
    backend: { preferred: 'wasm', wasmPaths: options.wasmPaths },
    assetOrigin: options.origin ?? self.location.origin,
  };
  return new WorkerPoolExecutor(spawnWebWorker, workers, clientOptions);
}

function spawnWebWorker(): PoolWorker {
  // Turbopack only bundles this literal form.
  const worker = new Worker(new URL('./client.worker.ts', import.meta.url));
  const { failure, fail } = workerFailure();
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    fail(new Error(event.message || 'the client worker failed to start or threw outside a call'));
  });
  worker.addEventListener('messageerror', () => fail(new Error('a message from the client worker could not be read')));
  return {
    api: Comlink.wrap<ClientApi>(worker),
    failure,
    terminate: async () => worker.terminate(),
  };
}
