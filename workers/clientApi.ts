// The one client-worker API: what the Web Worker and the worker_threads entries expose through Comlink. One
// ClientRuntime per worker; Float32Array results travel back transferred (zero copy).
import * as Comlink from 'comlink';
import type { ExperimentConfig } from '../core/config/schema';
import type { AssetLoader } from '../core/data/types';
import type { ClientTask } from '../core/engine/executor';
import { ClientRuntime, type GridBox } from '../core/runtime/clientRuntime';
import type { BackendOptions } from '../core/tf/backend';

/** Per-pool settings every worker receives with its config. */
export interface ClientWorkerOptions {
  backend?: BackendOptions;
  /** Browser only: where `/data/<name>` assets are fetched from (e.g. "http://127.0.0.1:3000"). */
  assetOrigin?: string;
}

/** `loaderFor` turns the pool's options into this environment's asset loader (disk in Node, fetch in the browser). */
export function createClientApi(loaderFor: (options: ClientWorkerOptions) => AssetLoader) {
  const runtime = new ClientRuntime();
  return {
    init: (config: ExperimentConfig, options: ClientWorkerOptions = {}) =>
      runtime.init({ config, loadAsset: loaderFor(options), backend: options.backend }),
    initialWeights: () => transferred(runtime.initialWeights()),
    partitionStats: () => runtime.partitionStats(),
    train: async (task: ClientTask) => {
      const update = await runtime.train(task);
      const delta = ownBuffer(update.delta);
      return Comlink.transfer({ ...update, delta }, [delta.buffer]);
    },
    evaluateTestChunk: (weights: Float32Array, chunk: number) => runtime.evaluateTestChunk(weights, chunk),
    testSize: () => runtime.testSize(),
    attackSuccess: (weights: Float32Array) => runtime.attackSuccess(weights),
    predictGrid: (weights: Float32Array, box: GridBox, resolution: number) =>
      transferred(runtime.predictGrid(weights, box, resolution)),
    clientData: (clientId: number) => runtime.clientData(clientId),
  };
}

export type ClientApi = ReturnType<typeof createClientApi>;

function transferred(values: Float32Array): Float32Array {
  const own = ownBuffer(values);
  return Comlink.transfer(own, [own.buffer]);
}

/** A view that spans its whole buffer, so transferring it moves nothing else (copies when it is a sub-view). */
function ownBuffer(values: Float32Array): Float32Array {
  return values.byteOffset === 0 && values.byteLength === values.buffer.byteLength ? values : values.slice();
}
