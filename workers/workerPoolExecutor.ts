// An Executor over N client workers (Web Workers or worker_threads, through Comlink). Every worker holds the data,
// the partition and the model; virtual clients are tasks that the next free worker takes from a shared queue.
//
// Fault tolerance (what Flower's accept_failures promises): a worker that dies (error or exit event) or stays silent
// past its call's budget (workers/liveness.ts) is replaced by a fresh one, and the calls it held are retried on a live
// worker with the same inputs, so the numbers do not change. A client whose task is lost twice counts as a dropout
// for that round (TrainResult.lost); any other call lost twice fails. An error thrown by a call itself is a bug or a
// bad input, not a fault: it is never retried.
//
// Contexts: one pool serves up to MAX_VARIANTS configs at once (the variants of a run). `context(k)` is an Executor
// whose calls go to the same shared queue, tagged k; each worker keeps one ClientRuntime per context (sharing the
// loaded data). A replaced worker is initialised with every prepared context's config. The pool itself is context 0.
import * as Comlink from 'comlink';
import type { ExperimentConfig } from '../core/config/schema';
import type { ClientFault, ClientTask, ClientUpdate, EvalResult, Executor, RuntimeInfo, TrainResult } from '../core/engine/executor';
import type { PartitionStats } from '../core/partition/types';
import { combineTestChunks, TEST_CHUNK, testChunkCount } from '../core/runtime/testChunks';
import type { ClientApi, ClientWorkerOptions } from './clientApi';
import { DEFAULT_LIVENESS, WorkRates, type LivenessOptions } from './liveness';
import { PoolSlot, WorkerLostError, messageOf, type PoolWorker } from './poolSlot';

export { workerFailure, type PoolWorker } from './poolSlot';

export interface PoolOptions extends ClientWorkerOptions {
  /**
   * Send each worker its next job before the current one returns, so it never idles for a message round trip
   * (≈0.5 ms per task in Node). Only while at least one job per worker is left, so the end of a round stays balanced.
   */
  prefetch?: boolean;
  /** How long a silent worker is given before it is presumed dead. */
  liveness?: Partial<LivenessOptions>;
}

/** Attempts per job: a job whose worker is lost is retried once. */
const MAX_ATTEMPTS = 2;

interface Prepared {
  stats: PartitionStats;
  numTest: number;
}

/** One context's config, and what its prepare learned (null while preparing). */
interface Context {
  config: ExperimentConfig;
  prepared: Prepared | null;
}

/** A context's kind of call ('train', 'train@2'): liveness rates and warm-up are per context (its own model). */
const tagged = (kind: string, context: number) => (context === 0 ? kind : `${kind}@${context}`);
const contextOfKind = (kind: string) => Number(/@(\d+)$/.exec(kind)?.[1] ?? 0);

/** One unit of pool work: `units` (examples to process) scale its liveness budget. */
interface Job<T> {
  kind: string;
  units: number;
  run: (api: Comlink.Remote<ClientApi>) => Promise<T>;
}

interface JobFaults<T> {
  /** The job's worker died on its last attempt: a value to use instead, or throw to fail the whole batch. */
  giveUp: (job: number, error: WorkerLostError) => T;
  /** The job's worker died and the job goes back to the queue. */
  retrying?: (job: number, error: WorkerLostError) => void;
}

const failAfterRetry = (what: string) => ({
  giveUp: (_job: number, error: WorkerLostError): never => {
    throw new Error(`${what} failed on two workers in a row: ${error.message}`);
  },
});

export class WorkerPoolExecutor implements Executor {
  private readonly contexts = new Map<number, Context>();
  /** Per slot, the config each context was last initialised with on its current worker. */
  private readonly initialised = new Map<PoolSlot, Map<number, ExperimentConfig>>();
  private disposed = false;
  private readonly slots: PoolSlot[];
  private readonly prefetch: boolean;
  private readonly clientOptions: ClientWorkerOptions;
  private readonly rates: WorkRates;
  /** Schedulers of the batches in progress, woken when a slot becomes ready or goes down. */
  private readonly wakers = new Set<() => void>();

  constructor(
    private readonly spawn: () => PoolWorker,
    size: number,
    { prefetch = true, liveness, ...clientOptions }: PoolOptions = {},
  ) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`workers must be a positive integer, got ${size}`);
    this.prefetch = prefetch;
    this.clientOptions = clientOptions;
    this.rates = new WorkRates({ ...DEFAULT_LIVENESS, ...liveness });
    this.slots = Array.from({ length: size }, (_, i) => new PoolSlot(i, this.rates, (slot) => this.replace(slot)));
    for (const slot of this.slots) {
      slot.attach(spawn());
      slot.state = 'ready';
    }
  }

  get size(): number {
    return this.slots.length;
  }

  /**
   * An Executor on context `k` (k = variant index) of this pool: its calls share the pool's queue and workers with
   * every other context; its `dispose` only frees the context (the pool's owner disposes the pool).
   */
  context(k: number): Executor & { readonly context: number } {
    if (!Number.isInteger(k) || k < 0) throw new Error(`context must be a non-negative integer, got ${k}`);
    return {
      context: k,
      prepare: (config) => this.prepareContext(k, config),
      initialWeights: () => this.initialWeightsOf(k),
      partitionStats: async () => this.requirePrepared(k).stats,
      train: (tasks, onDone) => this.trainOn(k, tasks, onDone),
      evaluate: (weights) => this.evaluateOn(k, weights),
      attackSuccess: (weights) => this.attackSuccessOn(k, weights),
      dispose: async () => this.release(k),
    };
  }

  /** Initialises every worker with `config`; a worker that dies on the way is replaced once. */
  prepare(config: ExperimentConfig): Promise<RuntimeInfo & { workers: number }> {
    return this.prepareContext(0, config);
  }

  initialWeights(): Promise<Float32Array> {
    return this.initialWeightsOf(0);
  }

  async partitionStats(): Promise<PartitionStats> {
    return this.requirePrepared(0).stats;
  }

  train(tasks: ClientTask[], onDone?: (update: ClientUpdate) => void): Promise<TrainResult> {
    return this.trainOn(0, tasks, onDone);
  }

  /** Centralized evaluation, its fixed test chunks spread over the workers (same bits as one thread). */
  evaluate(weights: Float32Array): Promise<EvalResult> {
    return this.evaluateOn(0, weights);
  }

  /** Attack success (the attack's test set is small: one worker). */
  attackSuccess(weights: Float32Array): Promise<number> {
    return this.attackSuccessOn(0, weights);
  }

  /** Forgets context `k` (a replaced worker no longer gets its config) and frees its runtime on the live workers. */
  release(k: number): void {
    if (!this.contexts.delete(k) || this.disposed) return;
    this.rates.reset((kind) => contextOfKind(kind) === k);
    for (const slot of this.slots) {
      this.initialised.get(slot)?.delete(k);
      if (slot.state === 'ready') slot.run(tagged('release', k), 1, (api) => api.release(k)).catch(() => {});
    }
  }

  private async prepareContext(k: number, config: ExperimentConfig): Promise<RuntimeInfo & { workers: number }> {
    this.requireAlive();
    const context: Context = { config, prepared: null };
    this.contexts.set(k, context);
    this.rates.reset((kind) => contextOfKind(kind) === k);
    const infos = await Promise.all(this.slots.map((slot) => this.initialize(slot, k, config)));
    const [stats, numTest] = await Promise.all([
      this.callAny(tagged('partitionStats', k), (api) => api.partitionStats(k)),
      this.callAny(tagged('testSize', k), (api) => api.testSize(k)),
    ]);
    context.prepared = { stats, numTest };
    return { ...infos[0], workers: this.slots.length };
  }

  private async initialWeightsOf(k: number): Promise<Float32Array> {
    this.requirePrepared(k);
    return this.callAny(tagged('initialWeights', k), (api) => api.initialWeights(k));
  }

  private async trainOn(k: number, tasks: ClientTask[], onDone?: (update: ClientUpdate) => void): Promise<TrainResult> {
    const { stats } = this.requirePrepared(k);
    const retried: ClientFault[] = [];
    const lost: ClientFault[] = [];
    const fault = (job: number, error: Error): ClientFault => ({ clientId: tasks[job].clientId, reason: error.message });
    const jobs = tasks.map(
      (task): Job<ClientUpdate> => ({
        kind: tagged('train', k),
        units: workUnits(task, stats.sizes),
        run: async (api) => {
          // Each attempt gets its own copy of the global weights: transferring detaches the sender's buffer.
          const weights = task.weights.slice();
          const update = await api.train(Comlink.transfer({ ...task, weights }, [weights.buffer]), k);
          onDone?.(update);
          return update;
        },
      }),
    );
    const results = await this.runJobs<ClientUpdate | null>(jobs, dispatchOrder(tasks, stats.sizes), {
      retrying: (job, error) => retried.push(fault(job, error)),
      giveUp: (job, error) => {
        lost.push(fault(job, error));
        return null;
      },
    });
    const lostIds = new Set(lost.map((f) => f.clientId));
    return {
      updates: results.filter((u): u is ClientUpdate => u !== null),
      retried: retried.filter((f) => !lostIds.has(f.clientId)),
      lost,
    };
  }

  private async evaluateOn(k: number, weights: Float32Array): Promise<EvalResult> {
    const { numTest } = this.requirePrepared(k);
    const jobs = Array.from(
      { length: testChunkCount(numTest) },
      (_, chunk): Job<EvalResult> => ({
        kind: tagged('evaluate', k),
        units: Math.min(TEST_CHUNK, numTest - chunk * TEST_CHUNK),
        run: (api) => {
          const copy = weights.slice();
          return api.evaluateTestChunk(Comlink.transfer(copy, [copy.buffer]), chunk, k);
        },
      }),
    );
    const results = await this.runJobs(jobs, jobs.map((_, i) => i), failAfterRetry('evaluating the test set'));
    return combineTestChunks(results, numTest);
  }

  private async attackSuccessOn(k: number, weights: Float32Array): Promise<number> {
    this.requirePrepared(k);
    return this.callAny(tagged('attackSuccess', k), (api) => {
      const copy = weights.slice();
      return api.attackSuccess(Comlink.transfer(copy, [copy.buffer]), k);
    });
  }

  /**
   * Runs a studio-only call (decision-boundary grids, client scatter data) on any live worker, once context `k` (whose
   * index `fn` passes to the worker's call) is prepared.
   */
  withWorker<T>(kind: string, fn: (api: Comlink.Remote<ClientApi>) => Promise<T>, k = 0): Promise<T> {
    this.requirePrepared(k);
    return this.callAny(tagged(kind, k), fn);
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    // Calls still in flight reject (a terminated Web Worker never answers), and nothing is replaced any more.
    await Promise.all(
      this.slots.map((slot) => {
        const alive = slot.state === 'ready';
        slot.state = 'down';
        slot.kill('the worker pool was disposed');
        return slot.terminate(alive);
      }),
    );
    this.wake();
  }

  /** A worker was lost: stop it and start a fresh one (initialised with the current config) in its place. */
  private replace(slot: PoolSlot): void {
    if (this.disposed) return;
    const startFailed = slot.state === 'starting';
    void slot.terminate(false);
    // A worker that dies while starting is not replaced again here: its start reports the failure.
    if (!startFailed) this.restart(slot);
  }

  /**
   * Spawns a fresh worker for the slot and initialises it with every context's current config (in context order);
   * `slot.starting` gives its info.
   */
  private restart(slot: PoolSlot): void {
    slot.state = 'starting';
    this.initialised.delete(slot);
    slot.starting = (async () => {
      try {
        slot.attach(this.spawn());
        let info: RuntimeInfo | null = null;
        for (const [k, { config }] of [...this.contexts].sort(([a], [b]) => a - b)) {
          const started = await this.initContext(slot, k, config);
          info ??= started;
        }
        if (!this.disposed) slot.state = 'ready';
        return info;
      } catch (error) {
        slot.lastLoss = messageOf(error);
        slot.state = 'down';
        await slot.terminate(false);
        return null;
      } finally {
        this.wake();
      }
    })();
  }

  /** Initialises context `k` of the slot's worker with `config`, or a fresh worker if it is lost (or was down). */
  private async initialize(slot: PoolSlot, k: number, config: ExperimentConfig): Promise<RuntimeInfo> {
    if (slot.state === 'ready') {
      try {
        return await this.initContext(slot, k, config);
      } catch (error) {
        if (!(error instanceof WorkerLostError)) throw error;
      }
    }
    if (slot.state === 'down') this.restart(slot);
    const info = await slot.starting;
    if (slot.state !== 'ready' || !info) throw new Error(`client worker ${slot.index} could not start: ${slot.lastLoss}`);
    // A start that began before this prepare initialised the context's previous config (or none).
    if (this.initialised.get(slot)?.get(k) !== config) return this.initContext(slot, k, config);
    return info;
  }

  private async initContext(slot: PoolSlot, k: number, config: ExperimentConfig): Promise<RuntimeInfo> {
    const info = await slot.run(tagged('start', k), 1, (api) => api.init(config, this.clientOptions, k));
    let done = this.initialised.get(slot);
    if (!done) this.initialised.set(slot, (done = new Map()));
    done.set(k, config);
    return info;
  }

  private async callAny<T>(kind: string, fn: (api: Comlink.Remote<ClientApi>) => Promise<T>): Promise<T> {
    const [result] = await this.runJobs([{ kind, units: 1, run: fn }], [0], failAfterRetry(`the ${kind} call`));
    return result;
  }

  /**
   * Runs `jobs` from a shared queue in `order` (results land at the job's index): each ready worker takes the next
   * job when it is free, or with prefetch one job ahead. A job whose worker is lost goes back to the front of the
   * queue (retried on whichever worker is ready first: the same inputs give the same result); after MAX_ATTEMPTS
   * `faults.giveUp` decides. The first error thrown by a job itself stops the queue and rejects.
   */
  private runJobs<T>(jobs: Job<T>[], order: number[], faults: JobFaults<T>): Promise<T[]> {
    this.requireAlive();
    return new Promise<T[]>((resolve, reject) => {
      const results: T[] = new Array(jobs.length);
      const queue = [...order];
      const attempts = new Array<number>(jobs.length).fill(0);
      let left = jobs.length;
      let over = false;
      const end = (error?: unknown) => {
        over = true;
        this.wakers.delete(pump);
        if (error === undefined) resolve(results);
        else reject(error);
      };
      const complete = (job: number, value: T) => {
        results[job] = value;
        if (--left === 0) end();
      };
      const onLost = (job: number, error: WorkerLostError) => {
        // A job queued behind the lost worker's running one never started: it is simply sent again.
        if (error.started && ++attempts[job] < MAX_ATTEMPTS) faults.retrying?.(job, error);
        if (attempts[job] < MAX_ATTEMPTS) {
          queue.unshift(job);
          return;
        }
        try {
          complete(job, faults.giveUp(job, error));
        } catch (giveUpError) {
          end(giveUpError);
        }
      };
      const start = (slot: PoolSlot, job: number) => {
        slot
          .run(jobs[job].kind, jobs[job].units, jobs[job].run)
          .then(
            (value) => {
              if (!over) complete(job, value);
            },
            (error: unknown) => {
              if (over) return;
              if (error instanceof WorkerLostError && !this.disposed) onLost(job, error);
              else end(this.disposed ? new Error('the worker pool was disposed') : error);
            },
          )
          // A worker is free again: every batch in progress (not only this one) may give it its next job.
          .finally(() => this.wake());
      };
      const pump = (): void => {
        if (over) return;
        if (this.disposed) return end(new Error('the worker pool was disposed'));
        const ready = this.slots.filter((s) => s.state === 'ready');
        if (ready.length === 0 && !this.slots.some((s) => s.state === 'starting')) {
          const reasons = [...new Set(this.slots.map((s) => s.lastLoss))].join('; ');
          return end(new Error(`every client worker died and none could be restarted (${reasons})`));
        }
        for (const slot of ready) {
          if (queue.length > 0 && slot.load === 0) start(slot, queue.shift()!);
          if (this.prefetch && queue.length >= ready.length && slot.load === 1) start(slot, queue.shift()!);
        }
      };
      if (left === 0) return end();
      this.wakers.add(pump);
      pump();
    });
  }

  private wake(): void {
    for (const pump of [...this.wakers]) pump();
  }

  private requireAlive(): void {
    if (this.disposed) throw new Error('the worker pool was disposed');
  }

  private requirePrepared(k: number): Prepared {
    this.requireAlive();
    const prepared = this.contexts.get(k)?.prepared;
    if (!prepared) {
      throw new Error(`WorkerPoolExecutor: call ${k === 0 ? 'prepare(config)' : `context(${k}).prepare(config)`} first`);
    }
    return prepared;
  }
}

/** Examples a task processes (its liveness budget scales with them). */
function workUnits(task: ClientTask, sizes: number[]): number {
  return (sizes[task.clientId] ?? 0) * task.workFraction;
}

/**
 * Largest client first (LPT scheduling): with a shared queue the round ends when the last task ends, so starting the
 * long tasks early keeps workers from idling on a straggler at the end. Ties keep task order.
 */
export function dispatchOrder(tasks: ClientTask[], sizes: number[]): number[] {
  const cost = tasks.map((t) => workUnits(t, sizes));
  return tasks.map((_, i) => i).sort((a, b) => cost[b] - cost[a] || a - b);
}
