// One place in the worker pool: the worker currently filling it (replaced when it dies), the calls sent to that
// worker, and the watchdog that presumes a silent worker dead.
import * as Comlink from 'comlink';
import type { RuntimeInfo } from '../core/engine/executor';
import type { ClientApi } from './clientApi';
import type { WorkRates } from './liveness';

/** One worker as the pool sees it: its Comlink remote and its lifetime. */
export interface PoolWorker {
  api: Comlink.Remote<ClientApi>;
  /** Rejects when the worker dies outside a call (uncaught error, exit, failed start); never resolves. */
  failure: Promise<never>;
  /** Stops the worker; resolves once it is gone. */
  terminate(): Promise<void>;
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

/** A call's worker died or went silent. `started`: the call was the one the worker was running (not queued behind it). */
export class WorkerLostError extends Error {
  constructor(
    message: string,
    readonly started = false,
  ) {
    super(message);
  }
}

interface Call {
  kind: string;
  units: number;
  /** When the worker started on it (it runs its calls in order: the oldest one is the running one); null while queued. */
  since: number | null;
}

export class PoolSlot {
  /** 'ready' takes calls; 'starting' is spawning and initialising a worker; 'down' could not start one. */
  state: 'ready' | 'starting' | 'down' = 'down';
  /** Why the last worker of this slot was lost or could not start. */
  lastLoss = '';
  /** The slot's latest start (WorkerPoolExecutor.restart): the fresh worker's runtime info, null if it failed. */
  starting: Promise<RuntimeInfo | null> = Promise.resolve(null);
  private worker: PoolWorker | null = null;
  private lost: Promise<never> = workerFailure().failure;
  private markLost: (error: WorkerLostError) => void = () => {};
  private readonly calls: Call[] = [];
  /** Kinds of call the current worker has answered: its first one of a kind also compiles and warms up (start budget). */
  private readonly warmKinds = new Set<string>();
  private watchdog: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly index: number,
    private readonly rates: WorkRates,
    /** Told once per worker, when it is lost (died, or silent past its budget). */
    private readonly onLost: (slot: PoolSlot, error: WorkerLostError) => void,
  ) {}

  /** Calls sent and not yet answered. */
  get load(): number {
    return this.calls.length;
  }

  /** Puts a new worker in this slot (the previous one must be gone). */
  attach(worker: PoolWorker): void {
    this.worker = worker;
    this.warmKinds.clear();
    const { failure, fail } = workerFailure();
    let reported = false;
    // Bound to this worker: the exit event of a worker already replaced must not touch its successor.
    const markLost = (error: WorkerLostError) => {
      if (reported) return;
      reported = true;
      this.disarm();
      // The lost worker's calls reject through `failure`; none of them is timed any more.
      this.calls.length = 0;
      this.lastLoss = error.message;
      fail(error);
      this.onLost(this, error);
    };
    this.lost = failure;
    this.markLost = markLost;
    worker.failure.catch((cause: unknown) => markLost(new WorkerLostError(messageOf(cause))));
  }

  /**
   * Runs `fn` on the current worker. Rejects with WorkerLostError if the worker dies or stays silent past the budget
   * for `units` of work of this `kind`; errors thrown by the call itself come through unchanged.
   */
  async run<T>(kind: string, units: number, fn: (api: Comlink.Remote<ClientApi>) => Promise<T>): Promise<T> {
    const worker = this.worker;
    if (!worker) throw new WorkerLostError(this.lastLoss || 'no worker');
    const call: Call = { kind, units, since: null };
    this.calls.push(call);
    if (this.calls.length === 1) this.arm();
    let ok = false;
    try {
      const value = await Promise.race([fn(worker.api), this.lost]);
      ok = true;
      return value;
    } catch (error) {
      throw error instanceof WorkerLostError ? new WorkerLostError(error.message, call.since !== null) : error;
    } finally {
      this.settle(call, ok);
    }
  }

  /** Presumes the worker dead (its calls reject with `reason`) and stops it. */
  kill(reason: string): void {
    this.markLost(new WorkerLostError(reason));
  }

  /** Stops the worker (after a loss, or for good). */
  async terminate(release: boolean): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.disarm();
    if (!worker) return;
    // A released proxy sends a message and waits for the answer: only a live worker gives one.
    if (release) worker.api[Comlink.releaseProxy]();
    await worker.terminate();
  }

  private settle(call: Call, ok: boolean): void {
    const position = this.calls.indexOf(call);
    if (position < 0) return;
    this.calls.splice(position, 1);
    if (ok) {
      // Only a warm worker's time says how fast this kind of call runs.
      if (call.since !== null && this.warmKinds.has(call.kind)) {
        this.rates.observe(call.kind, call.units, performance.now() - call.since);
      }
      this.warmKinds.add(call.kind);
    }
    if (position > 0) return;
    this.disarm();
    if (this.calls.length > 0) this.arm();
  }

  /** Times the oldest call: the worker is presumed dead if it has not answered within the call's budget. */
  private arm(): void {
    const head = this.calls[0];
    head.since = performance.now();
    const budget = this.warmKinds.has(head.kind) ? this.rates.budget(head.kind, head.units) : this.rates.options.startMs;
    this.watchdog = setTimeout(
      () => this.kill(`the worker did not answer within ${formatSeconds(budget)} (${head.kind} call): presumed dead`),
      budget,
    );
  }

  private disarm(): void {
    clearTimeout(this.watchdog);
    this.watchdog = undefined;
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}
