// The one client-worker API: what the Web Worker and the worker_threads entries expose through Comlink. One
// ClientRuntime per context (a context is one variant of a run; the plain pool uses context 0), all sharing the loaded
// data; Float32Array results travel back transferred (zero copy).
import * as Comlink from 'comlink';
import type { ExperimentConfig } from '../core/config/schema';
import type { AssetLoader } from '../core/data/types';
import type { ClientTask } from '../core/engine/executor';
import { ClientRuntime, type GridBox } from '../core/runtime/clientRuntime';
import { SharedData } from '../core/runtime/sharedData';
import type { BackendOptions } from '../core/tf/backend';

/** Per-pool settings every worker receives with its config. */
export interface ClientWorkerOptions {
  backend?: BackendOptions;
  /** Browser only: where `/data/<name>` assets are fetched from (e.g. "http://127.0.0.1:3000"). */
  assetOrigin?: string;
}

/** `loaderFor` turns the pool's options into this environment's asset loader (disk in Node, fetch in the browser). */
export function createClientApi(loaderFor: (options: ClientWorkerOptions) => AssetLoader) {
  const shared = new SharedData();
  const runtimes = new Map<number, ClientRuntime>();
  const runtime = (context: number): ClientRuntime => {
    const found = runtimes.get(context);
    if (!found) throw new Error(`client worker: context ${context} was not initialised (call init(config, options, ${context}) first)`);
    return found;
  };
  /** Only the data some context still uses stays loaded. */
  const prune = () => shared.retain([...runtimes.values()].flatMap((r) => (r.dataKey === null ? [] : [r.dataKey])));
  return {
    init: async (config: ExperimentConfig, options: ClientWorkerOptions = {}, context = 0) => {
      let own = runtimes.get(context);
      if (!own) runtimes.set(context, (own = new ClientRuntime(shared)));
      const info = await own.init({ config, loadAsset: loaderFor(options), backend: options.backend });
      prune();
      return info;
    },
    /** Frees a context's model (its data too, unless another context uses it). */
    release: (context: number) => {
      runtimes.get(context)?.dispose();
      runtimes.delete(context);
      prune();
    },
    initialWeights: (context = 0) => transferred(runtime(context).initialWeights()),
    partitionStats: (context = 0) => runtime(context).partitionStats(),
    train: async (task: ClientTask, context = 0) => {
      const update = await runtime(context).train(task);
      const delta = ownBuffer(update.delta);
      return Comlink.transfer({ ...update, delta }, [delta.buffer]);
    },
    evaluateTestChunk: (weights: Float32Array, chunk: number, context = 0) => runtime(context).evaluateTestChunk(weights, chunk),
    testSize: (context = 0) => runtime(context).testSize(),
    attackSuccess: (weights: Float32Array, context = 0) => runtime(context).attackSuccess(weights),
    predictGrid: (weights: Float32Array, box: GridBox, resolution: number, context = 0) =>
      transferred(runtime(context).predictGrid(weights, box, resolution)),
    clientData: (clientId: number, context = 0) => runtime(context).clientData(clientId),
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
