// The studio's coordinator Web Worker: owns the RoundEngines (one per variant, side by side on contexts of one pool of
// client workers, nested Web Workers), streams their events to the page tagged with the variant, and computes the
// live partition preview, so the page never runs training code.
// Turbopack bundles it as a classic script: no top-level await, no import.meta here.
import * as Comlink from 'comlink';
import { TWO_D_DATASETS, type ExperimentConfig } from '../core/config/schema';
import { MAX_VARIANTS } from '../core/config/variants';
import { TWO_D_BOX } from '../core/data/points';
import { loadData } from '../core/data/load';
import type { AssetLoader, DataSplit } from '../core/data/types';
import { RoundEngine } from '../core/engine/engine';
import type { EngineEvent } from '../core/engine/events';
import type { ClientTask, ClientUpdate, EvalResult, Executor, TrainResult } from '../core/engine/executor';
import { VariantRun } from '../core/engine/variantRun';
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

/** Wraps one context of the pool to remember each client's last local model (2-D sets only: the studio draws it). */
class RecordingExecutor implements Executor {
  readonly localModels = new Map<number, Float32Array>();
  private inFlight = 0;
  private readonly view: Executor;

  constructor(
    readonly pool: WorkerPoolExecutor,
    /** The variant, i.e. the pool's context. */
    readonly variant: number,
    private readonly record: boolean,
  ) {
    this.view = pool.context(variant);
  }

  /** True while a train call is running (after stop(), the pool may still work through an abandoned round). */
  get busy(): boolean {
    return this.inFlight > 0;
  }

  prepare(config: ExperimentConfig) {
    this.localModels.clear();
    return this.view.prepare(config);
  }
  initialWeights() {
    return this.view.initialWeights();
  }
  partitionStats() {
    return this.view.partitionStats();
  }
  evaluate(weights: Float32Array): Promise<EvalResult> {
    return this.view.evaluate(weights);
  }
  attackSuccess(weights: Float32Array): Promise<number> {
    return this.view.attackSuccess!(weights);
  }
  async train(tasks: ClientTask[], onDone?: (update: ClientUpdate) => void): Promise<TrainResult> {
    this.inFlight++;
    try {
      const result = await this.view.train(tasks, onDone);
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
/** The run in progress: one engine, executor and config per variant (index = variant, 0 = the base). */
let session: {
  run: VariantRun;
  engines: readonly RoundEngine[];
  executors: RecordingExecutor[];
  configs: ExperimentConfig[];
} | null = null;
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
  current.run.stop();
  // Workers still busy with an abandoned round would delay the next run: replace them instead.
  const stale = current.executors[0].pool;
  if (current.executors.some((e) => e.busy) && pool === stale) {
    pool = null;
    await stale.dispose();
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

  /**
   * Starts a run of 1–MAX_VARIANTS configs side by side, the base first (core/config/variants.ts: variantConfigs), or
   * one round of each (mode "step"); streams every engine's events tagged with its variant; resolves once started.
   */
  async start(
    configs: ExperimentConfig[],
    workers: number | null,
    onEvent: (variant: number, event: EngineEvent) => void,
    mode: 'run' | 'step',
  ): Promise<void> {
    if (configs.length < 1 || configs.length > MAX_VARIANTS) {
      throw new Error(`start: give 1 to ${MAX_VARIANTS} configs (the base and its variants), got ${configs.length}`);
    }
    await stopSession();
    const size = workers ?? defaultWorkers();
    if (pool && pool.size !== size) {
      await pool.dispose();
      pool = null;
    }
    pool ??= createBrowserPoolExecutor({ workers: size, wasmPaths: WASM_PATHS, origin });
    // A previous run's extra variants free their models on the workers.
    for (let k = configs.length; k < MAX_VARIANTS; k++) pool.release(k);
    const current = pool;
    const executors = configs.map((c, k) => new RecordingExecutor(current, k, TWO_D_DATASETS.includes(c.data.dataset)));
    const run = new VariantRun(configs, { context: (k) => executors[k] }, { runtime: 'browser' });
    run.on((variant, event) => void onEvent(variant, event));
    session = { run, engines: run.engines, executors, configs };
    if (mode === 'step') void run.step();
    else void run.run();
  },

  /** Pause, resume, step and stop act on every variant. */
  pause(): void {
    session?.run.pause();
  },

  resume(): void {
    void session?.run.run();
  },

  step(): void {
    void session?.run.step();
  },

  stop(): Promise<void> {
    return stopSession();
  },

  /** A live change of the running session (LIVE_SETTINGS only), from its next round on; see workers/liveChange.ts. */
  change(set: Record<string, unknown>): ChangeResult {
    return changeEngines(session?.engines ?? [], set);
  },

  /**
   * Decision boundary of the current global model over all training points (clientId null) or of client
   * `clientId`'s last local model over its own data, in `variant` (0 = the base). Null when there is nothing to draw
   * (not a 2-D set, no model yet, no such variant).
   */
  async boundary(clientId: number | null, resolution: number, variant = 0): Promise<BoundaryGrid | null> {
    const current = session;
    const config = current?.configs[variant];
    if (!current || !config || !TWO_D_DATASETS.includes(config.data.dataset)) return null;
    const executor = current.executors[variant];
    const weights = clientId === null ? current.engines[variant].getGlobalWeights() : executor.localModels.get(clientId);
    if (!weights || weights.length === 0) return null;
    const box = { xMin: -TWO_D_BOX, xMax: TWO_D_BOX, yMin: -TWO_D_BOX, yMax: TWO_D_BOX };
    const { pool } = executor;
    const grid = await pool.withWorker(
      'predictGrid',
      (remote) => {
        const copy = weights.slice();
        return remote.predictGrid(Comlink.transfer(copy, [copy.buffer]), box, resolution, variant);
      },
      variant,
    );
    const { train } = await splitFor(config);
    const data =
      clientId === null
        ? { x: train.x, y: train.y }
        : await pool.withWorker('clientData', (remote) => remote.clientData(clientId, variant), variant);
    return { resolution, box, numClasses: train.numClasses, grid, points: data.x, labels: data.y };
  },
};

export type CoordinatorApi = typeof api;

Comlink.expose(api);
