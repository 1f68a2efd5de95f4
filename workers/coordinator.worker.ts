// The studio's coordinator Web Worker: owns the RoundEngine and the pool of client workers (nested Web Workers),
// streams engine events to the page, and computes the live partition preview, so the page never runs training code.
// Turbopack bundles it as a classic script: no top-level await, no import.meta here.
import * as Comlink from 'comlink';
import { TWO_D_DATASETS, type ExperimentConfig } from '../core/config/schema';
import { TWO_D_BOX } from '../core/data/points';
import { loadData } from '../core/data/load';
import type { AssetLoader, DataSplit } from '../core/data/types';
import { RoundEngine } from '../core/engine/engine';
import type { EngineEvent } from '../core/engine/events';
import type { ClientTask, ClientUpdate, EvalResult, Executor, TrainResult } from '../core/engine/executor';
import { partitionData } from '../core/partition/partition';
import type { PartitionStats } from '../core/partition/types';
import { fetchAssetLoader } from './assets-browser';
import { createBrowserPoolExecutor } from './browserPool';
import { changeEngines, type ChangeResult } from './liveChange';
import type { WorkerPoolExecutor } from './workerPoolExecutor';

const WASM_PATHS = '/tfjs/';

// A tiny module with a SIMD instruction: tfjs-backend-wasm's own probe (from GoogleChromeLabs/wasm-feature-detect).
const SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 9, 1, 7, 0, 65, 0, 253, 15, 26, 11]);

export interface Hardware {
  simd: boolean;
  defaultWorkers: number;
  maxWorkers: number;
}

export type PartitionPreview = { ok: true; stats: PartitionStats } | { ok: false; message: string };

export interface BoundaryGrid {
  resolution: number;
  box: { xMin: number; xMax: number; yMin: number; yMax: number };
  numClasses: number;
  /** resolution² × numClasses class probabilities, rows from yMin to yMax, x fastest. */
  grid: Float32Array;
  /** x,y pairs and labels of the points drawn on top. */
  points: Float32Array;
  labels: Int32Array;
}

/** Wraps the pool to remember each client's last local model (2-D sets only: the studio draws it). */
class RecordingExecutor implements Executor {
  readonly localModels = new Map<number, Float32Array>();
  private inFlight = 0;

  constructor(
    readonly pool: WorkerPoolExecutor,
    private readonly record: boolean,
  ) {}

  /** True while a train call is running (after stop(), the pool may still work through an abandoned round). */
  get busy(): boolean {
    return this.inFlight > 0;
  }

  prepare(config: ExperimentConfig) {
    this.localModels.clear();
    return this.pool.prepare(config);
  }
  initialWeights() {
    return this.pool.initialWeights();
  }
  partitionStats() {
    return this.pool.partitionStats();
  }
  evaluate(weights: Float32Array): Promise<EvalResult> {
    return this.pool.evaluate(weights);
  }
  attackSuccess(weights: Float32Array): Promise<number> {
    return this.pool.attackSuccess(weights);
  }
  async train(tasks: ClientTask[], onDone?: (update: ClientUpdate) => void): Promise<TrainResult> {
    this.inFlight++;
    try {
      const result = await this.pool.train(tasks, onDone);
      if (this.record) {
        for (const u of result.updates) {
          const local = tasks.find((t) => t.clientId === u.clientId)!.weights.slice();
          for (let j = 0; j < local.length; j++) local[j] += u.delta[j];
          this.localModels.set(u.clientId, local);
        }
      }
      return result;
    } finally {
      this.inFlight--;
    }
  }
  dispose() {
    return this.pool.dispose();
  }
}

let origin = '';
let loadAsset: AssetLoader | null = null;
let pool: WorkerPoolExecutor | null = null;
let session: { engine: RoundEngine; executor: RecordingExecutor; config: ExperimentConfig } | null = null;
const splits = new Map<string, Promise<DataSplit>>();

function defaultWorkers(): number {
  return Math.max(1, (navigator.hardwareConcurrency || 2) - 1);
}

/** Assets are fetched once per worker lifetime (MNIST is 8 MB). */
function assets(): AssetLoader {
  if (!loadAsset) {
    const fetchAsset = fetchAssetLoader(origin);
    const cache = new Map<string, Promise<Uint8Array>>();
    loadAsset = (name) => {
      let bytes = cache.get(name);
      if (!bytes) {
        bytes = fetchAsset(name);
        bytes.catch(() => cache.delete(name));
        cache.set(name, bytes);
      }
      return bytes;
    };
  }
  return loadAsset;
}

/** The train/test split of a config, cached by what determines it (the last few only). */
function splitFor(config: ExperimentConfig): Promise<DataSplit> {
  const key = JSON.stringify([config.seed, config.data]);
  let split = splits.get(key);
  if (!split) {
    split = loadData(config, assets());
    split.catch(() => splits.delete(key));
    splits.set(key, split);
    while (splits.size > 3) splits.delete(splits.keys().next().value as string);
  }
  return split;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function stopSession(): Promise<void> {
  const current = session;
  session = null;
  if (!current) return;
  current.engine.stop();
  // Workers still busy with an abandoned round would delay the next run: replace them instead.
  if (current.executor.busy && pool === current.executor.pool) {
    pool = null;
    await current.executor.dispose();
  }
}

const api = {
  init(options: { origin: string }): Hardware {
    origin = options.origin;
    const hc = navigator.hardwareConcurrency || 2;
    return { simd: WebAssembly.validate(SIMD_PROBE), defaultWorkers: defaultWorkers(), maxWorkers: Math.max(1, hc) };
  },

  /** Partition statistics of `config` without training anything (pure, fast: runs on every slider move). */
  async previewPartition(config: ExperimentConfig): Promise<PartitionPreview> {
    try {
      const { train } = await splitFor(config);
      return { ok: true, stats: partitionData(config, train.y, train.numClasses).stats };
    } catch (error) {
      return { ok: false, message: messageOf(error) };
    }
  },

  /** Starts a run (or one round, mode "step") and streams its events; resolves once started. */
  async start(
    config: ExperimentConfig,
    workers: number | null,
    onEvent: (event: EngineEvent) => void,
    mode: 'run' | 'step',
  ): Promise<void> {
    await stopSession();
    const size = workers ?? defaultWorkers();
    if (pool && pool.size !== size) {
      await pool.dispose();
      pool = null;
    }
    pool ??= createBrowserPoolExecutor({ workers: size, wasmPaths: WASM_PATHS, origin });
    const executor = new RecordingExecutor(pool, TWO_D_DATASETS.includes(config.data.dataset));
    const engine = new RoundEngine(config, executor, { runtime: 'browser' });
    engine.on((event) => void onEvent(event));
    session = { engine, executor, config };
    if (mode === 'step') void engine.step();
    else void engine.run();
  },

  pause(): void {
    session?.engine.pause();
  },

  resume(): void {
    session?.engine.run();
  },

  step(): void {
    void session?.engine.step();
  },

  stop(): Promise<void> {
    return stopSession();
  },

  /** A live change of the running session (LIVE_SETTINGS only), from its next round on; see workers/liveChange.ts. */
  change(set: Record<string, unknown>): ChangeResult {
    return changeEngines(session ? [session.engine] : [], set);
  },

  /**
   * Decision boundary of the current global model over all training points (clientId null) or of client
   * `clientId`'s last local model over its own data. Null when there is nothing to draw (not a 2-D set, no model yet).
   */
  async boundary(clientId: number | null, resolution: number): Promise<BoundaryGrid | null> {
    const current = session;
    if (!current || !TWO_D_DATASETS.includes(current.config.data.dataset)) return null;
    const weights = clientId === null ? current.engine.getGlobalWeights() : current.executor.localModels.get(clientId);
    if (!weights || weights.length === 0) return null;
    const box = { xMin: -TWO_D_BOX, xMax: TWO_D_BOX, yMin: -TWO_D_BOX, yMax: TWO_D_BOX };
    const { pool } = current.executor;
    const grid = await pool.withWorker('predictGrid', (remote) => {
      const copy = weights.slice();
      return remote.predictGrid(Comlink.transfer(copy, [copy.buffer]), box, resolution);
    });
    const { train } = await splitFor(current.config);
    const data = clientId === null ? { x: train.x, y: train.y } : await pool.withWorker('clientData', (remote) => remote.clientData(clientId));
    return { resolution, box, numClasses: train.numClasses, grid, points: data.x, labels: data.y };
  },
};

export type CoordinatorApi = typeof api;

Comlink.expose(api);
