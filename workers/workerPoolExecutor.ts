// An Executor over N client workers (Web Workers or worker_threads, through Comlink). Every worker holds the data,
// the partition and the model; virtual clients are tasks that the next free worker takes from a shared queue.
import * as Comlink from 'comlink';
import type { ExperimentConfig } from '../core/config/schema';
import type { ClientTask, ClientUpdate, EvalResult, Executor, RuntimeInfo } from '../core/engine/types';
import type { PartitionStats } from '../core/partition/types';
import type { ClientApi, ClientWorkerOptions } from './clientApi';

/** One worker as the pool sees it: its Comlink remote and its lifetime. */
export interface PoolWorker {
  api: Comlink.Remote<ClientApi>;
  /** Rejects when the worker dies outside a call (uncaught error, exit, failed start); never resolves. */
  failure: Promise<never>;
  /** Stops the worker; resolves once it is gone. */
  terminate(): Promise<void>;
}

/** Settles a promise that rejects with `error` when the worker dies, and marks it handled (it is raced, not awaited). */
export function workerFailure(): { failure: Promise<never>; fail: (error: Error) => void } {
  let fail: (error: Error) => void = () => {};
  const failure = new Promise<never>((_, reject) => {
    fail = reject;
  });
  failure.catch(() => {});
  return { failure, fail };
}

export class WorkerPoolExecutor implements Executor {
  private prepared: { stats: PartitionStats } | null = null;
  private broken: Error | null = null;
  private disposed = false;
  private readonly dead: boolean[];

  /** `options` reach every worker's init (backend choice, asset origin). */
  constructor(
    private readonly workers: PoolWorker[],
    private readonly options: ClientWorkerOptions = {},
  ) {
    if (workers.length === 0) throw new Error('WorkerPoolExecutor needs at least one worker');
    this.dead = workers.map(() => false);
    // Registered before any call races on `failure`, so the flag is set when a call's rejection is handled.
    workers.forEach((w, i) => w.failure.catch(() => (this.dead[i] = true)));
  }

  get size(): number {
    return this.workers.length;
  }

  async prepare(config: ExperimentConfig): Promise<RuntimeInfo & { workers: number }> {
    this.prepared = null;
    const infos = await Promise.all(this.workers.map((w, i) => this.call(i, () => w.api.init(config, this.options))));
    const stats = await this.call(0, () => this.workers[0].api.partitionStats());
    this.prepared = { stats };
    return { ...infos[0], workers: this.workers.length };
  }

  async initialWeights(): Promise<Float32Array> {
    this.requirePrepared();
    return this.call(0, () => this.workers[0].api.initialWeights());
  }

  async partitionStats(): Promise<PartitionStats> {
    return this.requirePrepared().stats;
  }

  async train(tasks: ClientTask[], onDone?: (update: ClientUpdate) => void): Promise<ClientUpdate[]> {
    const { stats } = this.requirePrepared();
    const results: ClientUpdate[] = new Array(tasks.length);
    const queue = dispatchOrder(tasks, stats.sizes);
    let next = 0;
    let failed = false;
    const drain = async (workerIndex: number) => {
      while (!failed && next < queue.length) {
        const taskIndex = queue[next++];
        const task = tasks[taskIndex];
        // Each task gets its own copy of the global weights: transferring detaches the sender's buffer.
        const weights = task.weights.slice();
        const message = Comlink.transfer({ ...task, weights }, [weights.buffer]);
        const update = await this.call(workerIndex, () => this.workers[workerIndex].api.train(message));
        results[taskIndex] = update;
        onDone?.(update);
      }
    };
    await Promise.all(
      this.workers.map((_, i) =>
        drain(i).catch((error: unknown) => {
          failed = true;
          throw error;
        }),
      ),
    );
    return results;
  }

  async evaluate(weights: Float32Array): Promise<EvalResult> {
    this.requirePrepared();
    const copy = weights.slice();
    return this.call(0, () => this.workers[0].api.evaluate(Comlink.transfer(copy, [copy.buffer])));
  }

  /** The remote of worker `index`, for studio-only calls (decision-boundary grids, client scatter data). */
  remote(index = 0): Comlink.Remote<ClientApi> {
    this.requirePrepared();
    return this.workers[index].api;
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    this.broken ??= new Error('the worker pool was disposed');
    for (const w of this.workers) w.api[Comlink.releaseProxy]();
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  /** Runs one remote call, failing fast (instead of hanging) if the worker dies or the pool is already broken. */
  private async call<T>(workerIndex: number, fn: () => Promise<T>): Promise<T> {
    if (this.broken) throw this.broken;
    try {
      return await Promise.race([fn(), this.workers[workerIndex].failure]);
    } catch (cause) {
      if (this.disposed) throw this.broken ?? cause;
      const reason = cause instanceof Error ? cause.message : String(cause);
      const error = new Error(`client worker ${workerIndex} failed: ${reason}`, { cause });
      if (this.dead[workerIndex]) this.broken = error;
      throw error;
    }
  }

  private requirePrepared(): { stats: PartitionStats } {
    if (this.disposed) throw new Error('the worker pool was disposed');
    if (!this.prepared) throw new Error('WorkerPoolExecutor: call prepare(config) first');
    return this.prepared;
  }
}

/**
 * Largest client first (LPT scheduling): with a shared queue the round ends when the last task ends, so starting the
 * long tasks early keeps workers from idling on a straggler at the end. Ties keep task order.
 */
export function dispatchOrder(tasks: ClientTask[], sizes: number[]): number[] {
  const cost = tasks.map((t) => (sizes[t.clientId] ?? 0) * t.workFraction);
  return tasks.map((_, i) => i).sort((a, b) => cost[b] - cost[a] || a - b);
}
