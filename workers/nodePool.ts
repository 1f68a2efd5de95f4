// The worker_threads pool for the CLI, benchmarks and tests.
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { availableParallelism } from 'node:os';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { ClientApi } from './clientApi';
import { WorkerPoolExecutor, workerFailure, type PoolOptions, type PoolWorker } from './workerPoolExecutor';

export interface NodePoolOptions extends PoolOptions {
  /** Number of worker threads (default: the number of cores). */
  workers?: number;
  /** Per-worker V8 heap limits. */
  resourceLimits?: ResourceLimits;
}

const bootstrap = new URL('./node-bootstrap.mjs', import.meta.url);
const entry = new URL('./client.node.ts', import.meta.url).href;

export function createNodePoolExecutor(options: NodePoolOptions = {}): WorkerPoolExecutor {
  const { workers = availableParallelism(), resourceLimits, ...poolOptions } = options;
  return new WorkerPoolExecutor(() => spawnNodeWorker(resourceLimits), workers, poolOptions);
}

/** A client worker thread (exported for fault-injection tests, which wrap it). */
export function spawnNodeWorker(resourceLimits?: ResourceLimits): PoolWorker & { thread: Worker } {
  const worker = new Worker(bootstrap, { workerData: { entry }, resourceLimits });
  const { failure, fail } = workerFailure();
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`worker thread exited (code ${code})`)));
  return {
    thread: worker,
    api: Comlink.wrap<ClientApi>(nodeEndpoint(worker)),
    failure,
    terminate: async () => {
      await worker.terminate();
    },
  };
}
