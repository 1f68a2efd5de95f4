// A small, real, deterministic Executor for engine tests: every client fits a linear model y = w·x (least squares,
// full-batch gradient descent) on its own synthetic data. Too large a learning rate makes it diverge, like a real model.
import type { ExperimentConfig } from '../../config/schema';
import type { PartitionStats } from '../../partition/types';
import { rngFor } from '../../rng';
import type { ClientTask, ClientUpdate, EvalResult, Executor, RuntimeInfo, TrainResult } from '../executor';

const DIM = 3;
const TEST_SIZE = 40;
/** GD steps per local epoch. */
const STEPS_PER_EPOCH = 5;

interface Points {
  x: Float64Array; // n × DIM
  y: Float64Array;
}

export interface ToyExecutorOptions {
  /** Awaited before each train call (lets a test hold a round in flight). */
  beforeTrain?: (tasks: ClientTask[]) => Promise<void>;
  /** Throw this from train() in the given round. */
  failAtRound?: { round: number; message: string };
  /** Report these clients as retried (trained normally) or lost (no update) in the given round, as a worker pool would. */
  faultsAtRound?: { round: number; retried?: number[]; lost?: number[] };
}

export class ToyExecutor implements Executor {
  /** Every train() call's tasks, for assertions. */
  readonly calls: ClientTask[][] = [];
  /** Every update returned, in task order. */
  readonly updates: ClientUpdate[] = [];
  disposed = false;
  private config: ExperimentConfig | null = null;
  private clients: Points[] = [];
  private test: Points = { x: new Float64Array(0), y: new Float64Array(0) };

  constructor(private readonly options: ToyExecutorOptions = {}) {}

  async prepare(config: ExperimentConfig): Promise<RuntimeInfo & { workers: number }> {
    this.config = config;
    const truth = rngFor(config.seed, 'data');
    const w = Array.from({ length: DIM }, () => truth.normal());
    const make = (n: number, stream: number): Points => {
      const rng = rngFor(config.seed, 'data', 0, stream);
      const x = new Float64Array(n * DIM);
      const y = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        let dot = 0;
        for (let j = 0; j < DIM; j++) dot += w[j] * (x[i * DIM + j] = rng.normal());
        y[i] = dot + 0.1 * rng.normal();
      }
      return { x, y };
    };
    this.clients = Array.from({ length: config.partition.numClients }, (_, c) => make(4 + 2 * c, c + 1));
    this.test = make(TEST_SIZE, 0);
    return { backend: 'cpu', simd: false, workers: 1 };
  }

  async initialWeights(): Promise<Float32Array> {
    const rng = rngFor(this.prepared().seed, 'init');
    return Float32Array.from({ length: DIM }, () => 0.1 * rng.normal());
  }

  async partitionStats(): Promise<PartitionStats> {
    const sizes = this.clients.map((c) => c.y.length);
    return { counts: sizes.map((n) => [n]), sizes, hellinger: sizes.map(() => 0), meanHellinger: 0 };
  }

  async train(tasks: ClientTask[], onDone?: (update: ClientUpdate) => void): Promise<TrainResult> {
    const config = this.prepared();
    this.calls.push(tasks.map((t) => ({ ...t, weights: t.weights.slice() })));
    await this.options.beforeTrain?.(tasks);
    const fail = this.options.failAtRound;
    if (fail && tasks.some((t) => t.round === fail.round)) throw new Error(fail.message);
    const faults = tasks.some((t) => t.round === this.options.faultsAtRound?.round) ? this.options.faultsAtRound : undefined;
    const fault = (clientId: number) => ({ clientId, reason: 'worker thread exited (code 1)' });
    const lost = (faults?.lost ?? []).filter((id) => tasks.some((t) => t.clientId === id));
    const results = tasks.filter((t) => !lost.includes(t.clientId)).map((task) => this.trainOne(task, config));
    // Report completion in reverse order: the engine must not depend on it.
    for (const update of [...results].reverse()) onDone?.(update);
    this.updates.push(...results);
    return { updates: results, retried: (faults?.retried ?? []).map(fault), lost: lost.map(fault) };
  }

  async evaluate(weights: Float32Array): Promise<EvalResult> {
    return evaluate(Float64Array.from(weights), this.test);
  }

  async dispose(): Promise<void> {
    this.disposed = true;
  }

  private trainOne(task: ClientTask, config: ExperimentConfig): ClientUpdate {
    const data = this.clients[task.clientId];
    const local = evaluate(Float64Array.from(task.weights), data);
    const w = Float64Array.from(task.weights);
    const steps = Math.max(1, Math.round(config.train.localEpochs * STEPS_PER_EPOCH * task.workFraction));
    const n = data.y.length;
    for (let s = 0; s < steps; s++) {
      const grad = new Float64Array(DIM);
      for (let i = 0; i < n; i++) {
        const err = dot(w, data.x, i) - data.y[i];
        for (let j = 0; j < DIM; j++) grad[j] += (2 * err * data.x[i * DIM + j]) / n;
      }
      for (let j = 0; j < DIM; j++) w[j] -= config.train.lr * grad[j];
    }
    const after = evaluate(w, data);
    return {
      round: task.round,
      clientId: task.clientId,
      delta: Float32Array.from(w, (v, j) => v - task.weights[j]),
      numExamples: n,
      trainLoss: after.loss,
      trainAccuracy: after.accuracy,
      localAccuracy: config.evaluation.federated ? local.accuracy : NaN,
      localLoss: config.evaluation.federated ? local.loss : NaN,
      steps,
    };
  }

  private prepared(): ExperimentConfig {
    if (!this.config) throw new Error('ToyExecutor: prepare() was not called');
    return this.config;
  }
}

function dot(w: Float64Array, x: Float64Array, row: number): number {
  let s = 0;
  for (let j = 0; j < DIM; j++) s += w[j] * x[row * DIM + j];
  return s;
}

/** Mean squared error; "accuracy" = fraction of predictions within 0.5 of the target. */
function evaluate(w: Float64Array, data: Points): EvalResult {
  let loss = 0;
  let hits = 0;
  for (let i = 0; i < data.y.length; i++) {
    const err = dot(w, data.x, i) - data.y[i];
    loss += err * err;
    if (Math.abs(err) < 0.5) hits++;
  }
  return { loss: loss / data.y.length, accuracy: hits / data.y.length };
}
