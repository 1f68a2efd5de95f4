// Local training speed per model and backend: one epoch of 6,000 MNIST digits, batch 32, SGD (lr 0.05), one thread,
// from the same initial weights everywhere, then test accuracy on 2,000 held-out digits. Each backend configuration
// runs in its own child process (kernel registration and the backend are process-global):
//   wasm        tfjs-wasm with all our kernels (what FedStudio runs)
//   wasm-stock  tfjs-wasm as shipped plus only the Conv2DBackpropFilter it lacks (same trainer; note that stock
//               tfjs-wasm 4.22 applies the bias of a transposed _FusedMatMul to the wrong columns, so its accuracy
//               differs)
//   cpu         tfjs's plain JS backend
// The cpu backend trains the CNN at a few samples/s, so there the CNN runs 128 samples (4 steps) only; a "check"
// table trains every backend on those same 128 samples to compare their CNN accuracy like for like. On wasm, logreg
// and MLP also train with DP-SGD (σ = 1, C = 1; dense-only networks clip from one batched pass) for its slowdown.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModelKind } from '../core/config/schema';
import { decodeMnist } from '../core/data/mnist';
import type { Dataset } from '../core/data/types';
import { initParams } from '../core/model/init';
import type { ModelSpec } from '../core/model/types';
import { Rng, rngFor } from '../core/rng';
import { initBackend, type BackendOptions } from '../core/tf/backend';
import { LocalTrainer } from '../core/train/localTrainer';
import type { BenchSection } from './section';

export type BenchBackend = 'wasm' | 'wasm-stock' | 'cpu';

export interface TrainingBenchRow {
  model: ModelKind;
  backend: BenchBackend;
  workers: 1;
  /** Best of the timed epochs, wall clock (the machine is shared: the fastest run is the least disturbed). */
  samplesPerSec: number;
  /** Best of the same epochs in process CPU time (user + system, all threads): steadier when other work runs. */
  cpuSamplesPerSec: number;
  testAccuracy: number;
  /** Examples trained on per timed run (6,000 = one epoch; fewer where the backend is too slow). */
  trainSamples: number;
  testSamples: number;
}

const SEED = 42;
const EPOCH = 6_000;
const TEST = 2_000;
const CHECK_SAMPLES = 128;
const CHECK_TEST = 256;
const TRAIN = { optimizer: 'sgd', lr: 0.05, batchSize: 32, localEpochs: 1 } as const;
const BACKENDS: Record<BenchBackend, BackendOptions> = {
  wasm: { preferred: 'wasm', kernels: 'all' },
  'wasm-stock': { preferred: 'wasm', kernels: 'required' },
  cpu: { preferred: 'cpu' },
};
const MODELS: ModelKind[] = ['logreg', 'mlp', 'cnn'];
const DP_SGD = { clipNorm: 1, noiseMultiplier: 1 } as const;
const DP_SGD_MODELS: ModelKind[] = ['logreg', 'mlp'];
const CHILD_FLAG = '--training-child';
const RESULT_PREFIX = 'TRAINING_RESULT ';

interface Plan {
  trainSamples: number;
  testSamples: number;
  repeats: number;
}

function planFor(backend: BenchBackend, model: ModelKind): Plan {
  if (backend !== 'cpu') return { trainSamples: EPOCH, testSamples: TEST, repeats: { logreg: 10, mlp: 5, cnn: 3 }[model] };
  if (model === 'cnn') return { trainSamples: CHECK_SAMPLES, testSamples: CHECK_TEST, repeats: 1 };
  return { trainSamples: EPOCH, testSamples: TEST, repeats: model === 'mlp' ? 1 : 2 };
}

function specFor(model: ModelKind): ModelSpec {
  return { kind: model, inputShape: [28, 28, 1], numClasses: 10, hidden: model === 'mlp' ? [128] : [] };
}

interface Split {
  data: Dataset;
  train: Int32Array;
  test: Int32Array;
}

function loadSplit(): Split {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'public', 'data', 'mnist.bin');
  const data = decodeMnist(new Uint8Array(readFileSync(file)));
  // Keyed like an experiment stream (round 0, client 0): the README's accuracies come from this split.
  const order = new Rng(SEED, 'bench-split', 0, 0).shuffle(Int32Array.from({ length: data.numExamples }, (_, i) => i));
  return { data, train: order.subarray(0, EPOCH), test: order.subarray(EPOCH, EPOCH + TEST) };
}

/**
 * Trains `samples` examples from the model's seeded initial weights, with DP-SGD when given; returns timings and the
 * test accuracy.
 */
function measure(model: ModelKind, split: Split, plan: Plan, dpSgd?: typeof DP_SGD) {
  const spec = specFor(model);
  const trainer = new LocalTrainer(spec, TRAIN);
  const w0 = initParams(spec, rngFor(SEED, 'init'));
  const train = split.train.subarray(0, plan.trainSamples);
  const options = () => (dpSgd ? { dpSgd: { ...dpSgd, noise: rngFor(SEED, 'dp-sgd') } } : {});
  trainer.train(w0, split.data, split.train.subarray(0, 2 * TRAIN.batchSize), options(), new Rng(SEED, 'warm-up'));
  let best = { ms: Infinity, cpuMs: Infinity };
  let delta: Float32Array = new Float32Array(0);
  for (let r = 0; r < plan.repeats; r++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    delta = trainer.train(w0, split.data, train, options(), rngFor(SEED, 'shuffle')).delta;
    const ms = performance.now() - start;
    const { user, system } = process.cpuUsage(cpu);
    best = { ms: Math.min(best.ms, ms), cpuMs: Math.min(best.cpuMs, (user + system) / 1_000) };
  }
  const trained = w0.map((w, i) => w + delta[i]);
  const { accuracy } = trainer.evaluate(trained, split.data, split.test.subarray(0, plan.testSamples));
  return {
    samplesPerSec: (plan.trainSamples / best.ms) * 1_000,
    cpuSamplesPerSec: (plan.trainSamples / best.cpuMs) * 1_000,
    testAccuracy: accuracy,
  };
}

export interface DpSgdBenchRow {
  model: ModelKind;
  backend: 'wasm';
  clipNorm: number;
  noiseMultiplier: number;
  samplesPerSec: number;
  cpuSamplesPerSec: number;
  /** samplesPerSec without DP-SGD, from the training table. */
  plainSamplesPerSec: number;
  testAccuracy: number;
  trainSamples: number;
}

export interface CheckRow {
  model: ModelKind;
  backend: BenchBackend;
  trainSamples: number;
  testSamples: number;
  testAccuracy: number;
}

interface ChildResult {
  training: TrainingBenchRow[];
  check: CheckRow[];
  dpSgd: DpSgdBenchRow[];
}

async function runChild(backend: BenchBackend): Promise<ChildResult> {
  const info = await initBackend(BACKENDS[backend]);
  if (info.fallbackReason) throw new Error(info.fallbackReason);
  const split = loadSplit();
  const training: TrainingBenchRow[] = [];
  const check: CheckRow[] = [];
  const dpSgd: DpSgdBenchRow[] = [];
  for (const model of MODELS) {
    const plan = planFor(backend, model);
    const result = measure(model, split, plan);
    training.push({ model, backend, workers: 1, ...result, trainSamples: plan.trainSamples, testSamples: plan.testSamples });
    if (model === 'cnn') {
      const short = { trainSamples: CHECK_SAMPLES, testSamples: CHECK_TEST, repeats: 1 };
      const accuracy = plan.trainSamples === CHECK_SAMPLES ? result.testAccuracy : measure(model, split, short).testAccuracy;
      check.push({ model, backend, trainSamples: CHECK_SAMPLES, testSamples: CHECK_TEST, testAccuracy: accuracy });
    }
    if (backend === 'wasm' && DP_SGD_MODELS.includes(model)) {
      const dp = measure(model, split, plan, DP_SGD);
      const { samplesPerSec: plainSamplesPerSec } = result;
      dpSgd.push({ model, backend, ...DP_SGD, ...dp, plainSamplesPerSec, trainSamples: plan.trainSamples });
    }
  }
  return { training, check, dpSgd };
}

function spawnChild(backend: BenchBackend): ChildResult {
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), CHILD_FLAG, backend], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = child.stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
  if (child.status !== 0 || !line) {
    throw new Error(`training bench for ${backend} failed (exit ${child.status}):\n${child.stdout}`);
  }
  return JSON.parse(line.slice(RESULT_PREFIX.length)) as ChildResult;
}

function printTables(training: TrainingBenchRow[], check: CheckRow[], dpSgd: DpSgdBenchRow[]): void {
  const header = ['model', 'backend', 'samples/s', 'cpu-time s/s', 'test acc', 'trained on'];
  const widths = [8, 12, 11, 13, 10, 12];
  const row = (cells: string[]) => console.log(cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(''));
  row(header);
  for (const r of training) {
    row([
      r.model,
      r.backend,
      r.samplesPerSec.toFixed(0),
      r.cpuSamplesPerSec.toFixed(0),
      r.testAccuracy.toFixed(4),
      `${r.trainSamples}`,
    ]);
  }
  console.log(`\nCNN after the same ${CHECK_SAMPLES} training samples (test accuracy on ${CHECK_TEST} digits):`);
  for (const c of check) console.log(`  ${c.backend.padEnd(12)}${c.testAccuracy.toFixed(4)}`);
  console.log(`\nDP-SGD (σ = ${DP_SGD.noiseMultiplier}, C = ${DP_SGD.clipNorm}) on wasm:`);
  for (const r of dpSgd) {
    const slowdown = (r.plainSamplesPerSec / r.samplesPerSec).toFixed(1);
    const rate = [r.samplesPerSec, r.cpuSamplesPerSec].map((v) => v.toFixed(0));
    row([r.model, r.backend, ...rate, r.testAccuracy.toFixed(4), `${slowdown}× slower`]);
  }
}

async function runTrainingBench(): Promise<Record<string, unknown[]>> {
  const training: TrainingBenchRow[] = [];
  const check: CheckRow[] = [];
  const dpSgd: DpSgdBenchRow[] = [];
  for (const backend of Object.keys(BACKENDS) as BenchBackend[]) {
    console.log(`training bench: ${backend} …`);
    const result = spawnChild(backend);
    training.push(...result.training);
    check.push(...result.check);
    dpSgd.push(...result.dpSgd);
  }
  printTables(training, check, dpSgd);
  return { training, trainingCheck: check, trainingDpSgd: dpSgd };
}

export const trainingSection: BenchSection = { name: 'training', run: runTrainingBench };

if (process.argv[2] === CHILD_FLAG) {
  const result = await runChild(process.argv[3] as BenchBackend);
  console.log(RESULT_PREFIX + JSON.stringify(result));
}
