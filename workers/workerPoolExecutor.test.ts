// The pool's scheduling and failure handling, over fake in-thread workers (Comlink over a MessageChannel).
import * as Comlink from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../core/config/schema';
import type { ClientTask } from '../core/engine/executor';
import type { ClientApi } from './clientApi';
import { WorkerPoolExecutor, dispatchOrder, workerFailure, type PoolOptions, type PoolWorker } from './workerPoolExecutor';

const SIZES = [10, 40, 20, 40];

interface FakeWorker extends PoolWorker {
  /** Client ids in the order this worker trained them. */
  seen: number[];
  /** Most train calls this worker had in flight at once. */
  maxInFlight: number;
  terminated: boolean;
  /** The contexts it was initialised with, in order. */
  inits: number[];
  /** Makes the worker "die" (as an uncaught error or exit would). */
  kill(message: string): void;
}

/** What a fake worker does instead of training a client: crash (exit event) or go silent (no answer, no event). */
type Fault = 'crash' | 'silent';

interface FakeOptions {
  delayMs?: (clientId: number) => number;
  /** Per client id, the faults its next train calls meet (taken in order, one per call, by whichever worker runs it). */
  faults?: Record<number, Fault[]>;
  /** Makes every worker spawned after the first `n` die during init. */
  failInitAfter?: number;
  /** Extra time a worker's first train call takes (a fresh worker compiles its kernels). */
  coldMs?: number;
}

/**
 * Spawns workers that "train" by returning delta = weights + clientId after `delayMs(clientId)` of (fake) work, and
 * (+ 100 × the context) "evaluate" test chunk c of a 1,000-example test set as { accuracy: weights[0], loss: weights[1] + c }.
 */
function fakeFarm({ delayMs = () => 0, faults = {}, failInitAfter = Infinity, coldMs = 0 }: FakeOptions = {}) {
  const spawned: FakeWorker[] = [];
  const spawn = (): FakeWorker => {
    const doomed = spawned.length >= failInitAfter;
    let cold = true;
    const delay = (clientId: number) => delayMs(clientId) + (cold ? ((cold = false), coldMs) : 0);
    const worker = fakeWorker(delay, (clientId) => faults[clientId]?.shift(), doomed);
    spawned.push(worker);
    return worker;
  };
  return { spawn, spawned };
}

function fakeWorker(delayMs: (clientId: number) => number, faultFor: (clientId: number) => Fault | undefined, doomed: boolean): FakeWorker {
  const seen: number[] = [];
  let inFlight = 0;
  let queue: Promise<void> = Promise.resolve();
  const never = new Promise<never>(() => {});
  const api: ClientApi = {
    init: async (_config, _options, context = 0) => {
      worker.inits.push(context);
      if (doomed) {
        worker.kill('worker thread exited (code 134)');
        return never;
      }
      return { backend: 'cpu', simd: false };
    },
    initialWeights: () => new Float32Array([1, 2]),
    partitionStats: () => ({ counts: [], sizes: SIZES, hellinger: [], meanHellinger: 0 }),
    // Like a real worker, it runs one call at a time, in the order they arrive.
    train: (task, context = 0) => {
      worker.maxInFlight = Math.max(worker.maxInFlight, ++inFlight);
      const result = queue.then(async () => {
        if (task.clientId === 99) throw new RangeError('no client 99: the partition has 4 clients');
        const fault = faultFor(task.clientId);
        if (fault === 'crash') worker.kill('worker thread exited (code 1)');
        if (fault) return never;
        seen.push(task.clientId);
        await new Promise((resolve) => setTimeout(resolve, delayMs(task.clientId)));
        return {
          round: task.round,
          clientId: task.clientId,
          delta: task.weights.map((w) => w + task.clientId + 100 * context),
          numExamples: SIZES[task.clientId],
          trainLoss: 0,
          trainAccuracy: 0,
          localAccuracy: NaN,
          localLoss: NaN,
          steps: 1,
        };
      });
      queue = result.then(
        () => void inFlight--,
        () => void inFlight--,
      );
      return result;
    },
    evaluateTestChunk: (weights, chunk) => ({ accuracy: weights[0], loss: weights[1] + chunk }),
    testSize: () => 1000,
    attackSuccess: () => NaN,
    predictGrid: () => new Float32Array(0),
    clientData: () => ({ x: new Float32Array(0), y: new Int32Array(0), count: 0 }),
    release: () => {},
  };
  const channel = new MessageChannel();
  Comlink.expose(api, channel.port1);
  const { failure, fail } = workerFailure();
  const worker: FakeWorker = {
    api: Comlink.wrap<ClientApi>(channel.port2),
    failure,
    seen,
    maxInFlight: 0,
    terminated: false,
    inits: [],
    kill: (message) => fail(new Error(message)),
    terminate: async () => {
      worker.terminated = true;
      channel.port1.close();
      channel.port2.close();
    },
  };
  return worker;
}

/** A pool of `size` fake workers; silent workers are presumed dead after 100 ms once a rate is known. */
function fakePool(size: number, options: FakeOptions = {}, poolOptions: PoolOptions = {}) {
  const farm = fakeFarm(options);
  const executor = new WorkerPoolExecutor(farm.spawn, size, { liveness: { startMs: 400, minMs: 100, factor: 10 }, ...poolOptions });
  return { pool: executor, spawned: farm.spawned };
}

const config = parseConfig({ partition: { numClients: 4 } });
const task = (clientId: number, workFraction = 1): ClientTask => ({
  round: 1,
  clientId,
  weights: new Float32Array([0.5, -1]),
  workFraction,
});

let pool: WorkerPoolExecutor | null = null;
afterEach(async () => {
  await pool?.dispose();
  pool = null;
});

describe('dispatchOrder', () => {
  it('puts the largest expected work first, ties in task order', () => {
    // costs: c0 10, c1 40, c2 20·0.5 = 10, c3 40
    const tasks = [task(0), task(1), task(2, 0.5), task(3)];
    expect(dispatchOrder(tasks, SIZES)).toEqual([1, 3, 0, 2]);
  });
});

describe('WorkerPoolExecutor', () => {
  it('returns updates in task order whatever the completion order, and keeps the caller’s weights', async () => {
    // Client 1 is slow: it finishes last although it is dispatched first.
    const { pool: p, spawned } = fakePool(2, { delayMs: (c) => (c === 1 ? 60 : 1) });
    pool = p;
    await pool.prepare(config);
    const tasks = [task(0), task(1), task(2), task(3)];
    const done: number[] = [];
    const { updates, retried, lost } = await pool.train(tasks, (u) => done.push(u.clientId));
    expect(updates.map((u) => u.clientId)).toEqual([0, 1, 2, 3]);
    expect(Array.from(updates[2].delta)).toEqual([2.5, 1]);
    expect([retried, lost]).toEqual([[], []]);
    // Largest first: worker 0 runs client 1 (slow) then 3; worker 1 runs 2, then 0.
    expect(done).toEqual([2, 0, 1, 3]);
    // Each task got a transferred copy: the caller's arrays are intact.
    for (const t of tasks) expect(Array.from(t.weights)).toEqual([0.5, -1]);
    // Both workers took work from the shared queue.
    expect(spawned[0].seen.length + spawned[1].seen.length).toBe(4);
    expect(spawned[0].seen.length).toBeGreaterThan(0);
    expect(spawned[1].seen.length).toBeGreaterThan(0);
  });

  it('feeds a single worker in largest-first order, one task ahead', async () => {
    const { pool: p, spawned } = fakePool(1, { delayMs: () => 5 });
    pool = p;
    await pool.prepare(config);
    await pool.train([task(0), task(1), task(2), task(3)]);
    expect(spawned[0].seen).toEqual([1, 3, 2, 0]);
    expect(spawned[0].maxInFlight).toBe(2);
  });

  it('without prefetch a worker has one task at a time', async () => {
    const { pool: p, spawned } = fakePool(1, { delayMs: () => 5 }, { prefetch: false });
    pool = p;
    await pool.prepare(config);
    await pool.train([task(0), task(1), task(2)]);
    expect(spawned[0].maxInFlight).toBe(1);
  });

  it('does not prefetch at the end of a round: the last task goes to the first free worker', async () => {
    // Four equal tasks. Worker 0 takes tasks 0 and 1 (3 were left for 2 workers); worker 1 takes task 2 but not
    // task 3 (1 left < 2 workers). Worker 1 is slow, so fast worker 0 ends up with task 3 too.
    const farm = fakeFarm();
    let n = 0;
    const slow = fakeFarm({ delayMs: () => 40 });
    pool = new WorkerPoolExecutor(() => (n++ === 0 ? farm.spawn() : slow.spawn()), 2, { prefetch: true });
    await pool.prepare(config);
    await pool.train([task(1), task(3), task(1), task(3)]);
    expect(farm.spawned[0].seen).toEqual([1, 3, 3]);
    expect(slow.spawned[0].seen).toEqual([1]);
  });

  it('spreads the evaluation over fixed test chunks and combines them by size', async () => {
    pool = fakePool(2).pool;
    await pool.prepare(config);
    // Chunks of 512 and 488 examples: accuracy (128 + 122) / 1000, loss (3·512 + 4·488) / 1000.
    expect(await pool.evaluate(new Float32Array([0.25, 3]))).toEqual({ accuracy: 0.25, loss: 3.488 });
  });

  it('reports an error thrown in a worker call unchanged, does not retry it, and stays usable', async () => {
    const { pool: p, spawned } = fakePool(1);
    pool = p;
    await pool.prepare(config);
    await expect(pool.train([task(0), task(99)])).rejects.toThrow(/^no client 99: the partition has 4 clients$/);
    const { updates } = await pool.train([task(3)]);
    expect(updates[0].clientId).toBe(3);
    expect(spawned).toHaveLength(1);
  });

  it('retries the task of a worker that crashes mid-round on a fresh worker: same updates, the pool whole again', async () => {
    const reference = fakePool(2).pool;
    await reference.prepare(config);
    const expected = await reference.train([task(0), task(1), task(2), task(3)]);
    await reference.dispose();

    const { pool: p, spawned } = fakePool(2, { delayMs: () => 5, faults: { 2: ['crash'] } });
    pool = p;
    await pool.prepare(config);
    const result = await pool.train([task(0), task(1), task(2), task(3)]);
    expect(result.updates).toEqual(expected.updates);
    expect(result.retried).toEqual([{ clientId: 2, reason: 'worker thread exited (code 1)' }]);
    expect(result.lost).toEqual([]);
    // The crashed worker was stopped and replaced: 3 spawned, the first two still in use or terminated as expected.
    expect(spawned).toHaveLength(3);
    expect(spawned.filter((w) => w.terminated)).toHaveLength(1);
    // The next round uses the full pool again.
    expect((await pool.train([task(0), task(1)])).updates).toHaveLength(2);
    expect(spawned[2].seen.length + spawned.filter((w) => !w.terminated)[0].seen.length).toBeGreaterThan(0);
  });

  it('presumes a silent worker dead after its budget, replaces it and retries the task', async () => {
    const { pool: p, spawned } = fakePool(2, { delayMs: () => 2, faults: { 3: ['silent'] } });
    pool = p;
    await pool.prepare(config);
    // Round 1 measures the work rate; in round 2 client 3’s worker never answers: it gets 10× that rate, at least 100 ms.
    await pool.train([task(0), task(1), task(2)]);
    const result = await pool.train([task(0), task(1), task(2), task(3)]);
    expect(result.updates.map((u) => u.clientId)).toEqual([0, 1, 2, 3]);
    expect(result.retried).toHaveLength(1);
    expect(result.retried[0]).toMatchObject({ clientId: 3, reason: expect.stringMatching(/did not answer within [\d.]+ s \(train call\): presumed dead/) });
    expect(spawned).toHaveLength(3);
  });

  it('gives a fresh worker’s first call the start budget: its warm-up is not taken for silence', async () => {
    // Warm calls take ~2 ms, so a warm call's budget is the 100 ms floor; every worker's first call takes 250 ms more.
    const { pool: p, spawned } = fakePool(1, { delayMs: () => 2, coldMs: 250, faults: { 3: ['crash'] } });
    pool = p;
    await pool.prepare(config);
    // Enough warm calls that the rates are all warm ones.
    await pool.train(Array.from({ length: 40 }, () => task(0)));
    // Client 3's worker crashes; its replacement's first call (the retry) is slow but within the 400 ms start budget.
    const result = await pool.train([task(2), task(3)]);
    expect(result.updates.map((u) => u.clientId)).toEqual([2, 3]);
    expect(result.retried.map((f) => f.clientId)).toEqual([3]);
    expect(spawned).toHaveLength(2);
  });

  it('counts a client whose task is lost on two workers as lost, and finishes the round with the others', async () => {
    const { pool: p } = fakePool(2, { delayMs: () => 2, faults: { 1: ['crash', 'crash'] } });
    pool = p;
    await pool.prepare(config);
    const result = await pool.train([task(0), task(1), task(2)]);
    expect(result.updates.map((u) => u.clientId)).toEqual([0, 2]);
    expect(result.lost).toEqual([{ clientId: 1, reason: 'worker thread exited (code 1)' }]);
    expect(result.retried).toEqual([]);
  });

  it('fails the round (instead of hanging) when no worker can be restarted', async () => {
    const { pool: p } = fakePool(1, { faults: { 0: ['crash'] }, failInitAfter: 1 });
    pool = p;
    await pool.prepare(config);
    await expect(pool.train([task(0)])).rejects.toThrow(
      'every client worker died and none could be restarted (worker thread exited (code 134))',
    );
    // prepare() tries once more, and says why it cannot start.
    await expect(pool.prepare(config)).rejects.toThrow('client worker 0 could not start: worker thread exited (code 134)');
  });

  it('replaces a worker that died between runs when the next run prepares', async () => {
    const { pool: p, spawned } = fakePool(2);
    pool = p;
    await pool.prepare(config);
    spawned[1].kill('worker thread exited (code 1)');
    await pool.prepare(config);
    expect(spawned).toHaveLength(3);
    expect((await pool.train([task(0), task(1), task(2), task(3)])).updates).toHaveLength(4);
  });

  it('contexts share the queue, each task keeps its context, and a replaced worker is initialised with every context', async () => {
    const farm = fakePool(2, { faults: { 2: ['crash'] } });
    pool = farm.pool;
    await pool.prepare(config);
    const variant = pool.context(1);
    await variant.prepare(config);
    expect(farm.spawned.map((w) => w.inits)).toEqual([[0, 1], [0, 1]]);
    const [base, other] = await Promise.all([pool.train([task(0), task(1)]), variant.train([task(2), task(3)])]);
    expect(base.updates.map((u) => Array.from(u.delta))).toEqual([[0.5, -1], [1.5, 0]]);
    // Client 2's worker crashed: the task ran again, still in context 1, on the fresh worker or the other one.
    expect(other.updates.map((u) => Array.from(u.delta))).toEqual([[102.5, 101], [103.5, 102]]);
    expect(other.retried.map((f) => f.clientId)).toEqual([2]);
    await pool.context(0).partitionStats();
    expect(farm.spawned).toHaveLength(3);
    await expect.poll(() => farm.spawned[2].inits).toEqual([0, 1]);
    // A released context is no longer prepared.
    await variant.dispose();
    await expect(variant.initialWeights()).rejects.toThrow('call context(1).prepare(config) first');
  });

  it('retries an evaluation chunk whose worker crashes', async () => {
    const { pool: p, spawned } = fakePool(2);
    pool = p;
    await pool.prepare(config);
    setTimeout(() => spawned[0].kill('worker thread exited (code 1)'));
    expect(await pool.evaluate(new Float32Array([0.25, 3]))).toEqual({ accuracy: 0.25, loss: 3.488 });
  });

  it('needs prepare first, dispose terminates every worker and rejects calls in flight', async () => {
    const { pool: p, spawned } = fakePool(2, { faults: { 0: ['silent'] } });
    pool = p;
    await expect(pool.train([task(0)])).rejects.toThrow('call prepare(config) first');
    await pool.prepare(config);
    const running = pool.train([task(0)]);
    await pool.dispose();
    await expect(running).rejects.toThrow('disposed');
    expect(spawned.map((w) => w.terminated)).toEqual([true, true]);
    await expect(pool.train([task(0)])).rejects.toThrow('disposed');
  });
});
