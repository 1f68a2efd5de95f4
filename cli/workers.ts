// How many worker threads `fedstudio run` starts: what --workers asks (one per core by default), with a warning beyond
// the cores and a cap at what fits in free memory. The pool (workers/nodePool.ts) starts as many as it is given.
import { availableParallelism, freemem } from 'node:os';
import type { ExperimentConfig } from '../core/config/schema';
import type { DataSplit } from '../core/data/types';
import { paramLayout } from '../core/model/layout';
import { modelSpecFor } from '../core/model/spec';

const MB = 2 ** 20;
// Measured (peak RSS, 1 vs 3 workers): a worker's runtime (V8 isolate + TF.js WASM) takes ≈ 80 MB; it holds the
// pixels twice (the dataset and its train/test subsets: MNIST's 10,000 × 784 floats → ≈ 60 MB) and about three
// float32 copies of the model (weights, gradients, update). An MLP on MNIST: ≈ 140 MB a worker.
const RUNTIME_BYTES = 80 * MB;
const DATA_COPIES = 2;
const MODEL_BYTES_PER_PARAM = 3 * 4;
/** Share of the free memory the workers may take: the main thread and the rest of the machine need the remainder. */
const FREE_SHARE = 0.8;

/** Estimated memory of one worker thread running `config` on `data`. */
export function workerBytes(config: ExperimentConfig, data: DataSplit): number {
  const params = paramLayout(modelSpecFor(config, data.train)).totalSize;
  const pixels = data.train.x.byteLength + data.test.x.byteLength;
  return RUNTIME_BYTES + DATA_COPIES * pixels + MODEL_BYTES_PER_PARAM * params;
}

export interface Host {
  cores: number;
  freeBytes: number;
}

const gb = (bytes: number) => `${(bytes / 2 ** 30).toFixed(1)} GB`;

/** The number of workers to start for `requested` (undefined: one per core), and what to tell the user about it. */
export function planWorkers(
  requested: number | undefined,
  perWorkerBytes: number,
  host: Host = { cores: availableParallelism(), freeBytes: freemem() },
): { workers: number; warnings: string[] } {
  const warnings: string[] = [];
  const wanted = requested ?? host.cores;
  if (wanted > host.cores) {
    warnings.push(
      `--workers ${wanted} is more than the ${host.cores} cores: the extra workers only take turns on them, ` +
        'so the run is no faster and needs more memory',
    );
  }
  const fits = Math.max(1, Math.floor((FREE_SHARE * host.freeBytes) / perWorkerBytes));
  if (wanted > fits) {
    const asked = requested === undefined ? `one worker per core (${wanted})` : `--workers ${wanted}`;
    warnings.push(
      `${asked} would need about ${gb(wanted * perWorkerBytes)} of memory (≈ ${Math.round(perWorkerBytes / MB)} MB ` +
        `each) but ${gb(host.freeBytes)} is free: using ${fits} worker${fits > 1 ? 's' : ''}`,
    );
  }
  return { workers: Math.min(wanted, fits), warnings };
}
