// An Executor over N client workers (Web Workers or worker_threads, through Comlink). Every worker holds the data,
// the partition and the model; virtual clients are tasks that the next free worker takes from a shared queue.
import * as Comlink from 'comlink';
import type { ExperimentConfig } from '../core/config/schema';
import type { ClientTask, ClientUpdate, EvalResult, Executor, RuntimeInfo } from '../core/engine/types';
import type { PartitionStats } from '../core/partition/types';
import { combineTestChunks, testChunkCount } from '../core/runtime/testChunks';
import type { ClientApi, ClientWorkerOptions } from './clientApi';

/** One worker as the pool sees it: its Comlink remote and its lifetime. */
export interface PoolWorker {
  api: Comlink.Remote<ClientApi>;
  /** Rejects when the worker dies outside a call (uncaught error, exit, failed start); never resolves. */
  failure: Promise<never>;
  /** Stops the worker; resolves once it is gone. */
  terminate(): Promise<void>;
}

export interface PoolOptions extends ClientWorkerOptions {
  /**
   * Send each worker its next job before the current one returns, so it never idles for a message round trip
   * (≈0.5 ms per task in Node). Only while at least one job per worker is left, so the end of a round stays balanced.
   */
  prefetch?: boolean;
}

/** A promise that rejects with `error` when the worker dies; marked handled (it is raced, not awaited). */
export function workerFailure(): { failure: Promise<never>; fail: (error: Error) => void } {
  let fail: (error: Error) => void = () => {};
  const failure = new Promise<never>((_, reject) => {
    fail = reject;
  });
  failure.catch(() => {});
  return { failure, fail };
}

interface Prepared {
  stats: PartitionStats;
  numTest: number;
}

export class WorkerPoolExecutor implements Executor {
  private prepared: Prepared | null = null;
  private broken: Error | null = null;
  private disposed = false;
  private readonly dead: boolean[];
  private readonly prefetch: boolean;
  private readonly clientOptions: ClientWorkerOptions;

  constructor(
    private readonly workers: PoolWorker[],
    { prefetch = true, ...clientOptions }: PoolOptions = {},
  ) {
    if (workers.length === 0) throw new Error('WorkerPoolExecutor needs at least one worker');
    this.prefetch = prefetch;
    this.clientOptions = clientOptions;
    this.dead = workers.map(() => false);
    // Registered before any call races on `failure`, so the flag is set when a call's rejection is handled.
    workers.forEach((w, i) => w.failure.catch(() => (this.dead[i] = true)));
  }

  get size(): number {
    return this.workers.length;
  }

  async prepare(config: ExperimentConfig): Promise<RuntimeInfo & { workers: number }> {
    this.prepared = null;
    const infos = await Promise.all(this.workers.map((w, i) => this.call(i, () => w.api.init(config, this.clientOptions))));
    const [stats, numTest] = await Promise.all([
      this.call(0, () => this.workers[0].api.partitionStats()),
      this.call(0, () => this.workers[0].api.testSize()),
    ]);
    this.prepared = { stats, numTest };
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
    return this.runJobs(dispatchOrder(tasks, stats.sizes), async (worker, i) => {
      // Each task gets its own copy of the global weights: transferring detaches the sender's buffer.
      const weights = tasks[i].weights.slice();
      const update = await worker.api.train(Comlink.transfer({ ...tasks[i], weights }, [weights.buffer]));
      onDone?.(update);
      return update;
    });
  }

  /** Centralized evaluation, its fixed test chunks spread over the workers (same bits as one thread). */
  async evaluate(weights: Float32Array): Promise<EvalResult> {
    const { numTest } = this.requirePrepared();
    const chunks = Array.from({ length: testChunkCount(numTest) }, (_, c) => c);
    const results = await this.runJobs(chunks, (worker, chunk) => {
      const copy = weights.slice();
      return worker.api.evaluateTestChunk(Comlink.transfer(copy, [copy.buffer]), chunk);
    });
    return combineTestChunks(results, numTest);
  }

  /** Attack success, computed by worker 0 (the attack's test set is small). */
  async attackSuccess(weights: Float32Array): Promise<number> {
    this.requirePrepared();
    const copy = weights.slice();
    return this.workers[0].api.attackSuccess(Comlink.transfer(copy, [copy.buffer]));
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

  /**
   * Runs jobs `order` (a permutation of 0..n−1; results land at the job's index) from a shared queue: each worker takes
   * the next job when it is free, or with prefetch one job ahead. The first failure stops the queue and rejects.
   */
  private async runJobs<T>(order: number[], run: (worker: PoolWorker, job: number) => Promise<T>): Promise<T[]> {
    const results: T[] = new Array(order.length);
    let next = 0;
    let failed = false;
    const startNext = (workerIndex: number): Promise<void> | null => {
      if (failed || next >= order.length) return null;
      const job = order[next++];
      return this.call(workerIndex, () => run(this.workers[workerIndex], job)).then((r) => void (results[job] = r));
    };
    const drain = async (workerIndex: number) => {
      let current = startNext(workerIndex);
      while (current) {
        const ahead = this.prefetch && order.length - next >= this.workers.length ? startNext(workerIndex) : null;
        // A prefetched call that fails while the current one runs is reported when it becomes current.
        ahead?.catch(() => {});
        await current;
        current = ahead ?? startNext(workerIndex);
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

  private requirePrepared(): Prepared {
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
