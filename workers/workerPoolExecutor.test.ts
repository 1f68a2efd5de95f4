// The pool's scheduling and failure handling, over fake in-thread workers (Comlink over a MessageChannel).
import * as Comlink from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../core/config/schema';
import type { ClientTask } from '../core/engine/types';
import type { ClientApi } from './clientApi';
import { WorkerPoolExecutor, dispatchOrder, workerFailure, type PoolWorker } from './workerPoolExecutor';

const SIZES = [10, 40, 20, 40];

interface FakeWorker extends PoolWorker {
  /** Client ids in the order this worker trained them. */
  seen: number[];
  /** Most train calls this worker had in flight at once. */
  maxInFlight: number;
  terminated: boolean;
  /** Makes the worker "die" (as an uncaught error or exit would). */
  kill(message: string): void;
}

/**
 * A worker that "trains" by returning delta = weights + clientId after `delayMs(clientId)` of (fake) work, and
 * "evaluates" test chunk c of a 1,000-example test set as { accuracy: weights[0], loss: weights[1] + c }.
 */
function fakeWorker(delayMs: (clientId: number) => number = () => 0): FakeWorker {
  const seen: number[] = [];
  let inFlight = 0;
  const api: ClientApi = {
    init: async () => ({ backend: 'cpu', simd: false }),
    initialWeights: () => new Float32Array([1, 2]),
    partitionStats: () => ({ counts: [], sizes: SIZES, hellinger: [], meanHellinger: 0 }),
    train: async (task) => {
      if (task.clientId === 99) throw new RangeError('no client 99: the partition has 4 clients');
      seen.push(task.clientId);
      worker.maxInFlight = Math.max(worker.maxInFlight, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, delayMs(task.clientId)));
      inFlight--;
      return {
        round: task.round,
        clientId: task.clientId,
        delta: task.weights.map((w) => w + task.clientId),
        numExamples: SIZES[task.clientId],
        trainLoss: 0,
        trainAccuracy: 0,
        localAccuracy: NaN,
        localLoss: NaN,
        steps: 1,
      };
    },
    evaluateTestChunk: (weights, chunk) => ({ accuracy: weights[0], loss: weights[1] + chunk }),
    testSize: () => 1000,
    attackSuccess: () => NaN,
    predictGrid: () => new Float32Array(0),
    clientData: () => ({ x: new Float32Array(0), y: new Int32Array(0), count: 0 }),
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
    kill: (message) => fail(new Error(message)),
    terminate: async () => {
      worker.terminated = true;
      channel.port1.close();
      channel.port2.close();
    },
  };
  return worker;
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
    const workers = [fakeWorker((c) => (c === 1 ? 60 : 1)), fakeWorker((c) => (c === 1 ? 60 : 1))];
    pool = new WorkerPoolExecutor(workers);
    await pool.prepare(config);
    const tasks = [task(0), task(1), task(2), task(3)];
    const done: number[] = [];
    const updates = await pool.train(tasks, (u) => done.push(u.clientId));
    expect(updates.map((u) => u.clientId)).toEqual([0, 1, 2, 3]);
    expect(Array.from(updates[2].delta)).toEqual([2.5, 1]);
    expect(done).toHaveLength(4);
    expect(done[3]).toBe(1);
    // Each task got a transferred copy: the caller's arrays are intact.
    for (const t of tasks) expect(Array.from(t.weights)).toEqual([0.5, -1]);
    // Both workers took work from the shared queue.
    expect(workers[0].seen.length + workers[1].seen.length).toBe(4);
    expect(workers[0].seen.length).toBeGreaterThan(0);
    expect(workers[1].seen.length).toBeGreaterThan(0);
  });

  it('feeds a single worker in largest-first order, one task ahead', async () => {
    const worker = fakeWorker(() => 5);
    pool = new WorkerPoolExecutor([worker]);
    await pool.prepare(config);
    await pool.train([task(0), task(1), task(2), task(3)]);
    expect(worker.seen).toEqual([1, 3, 2, 0]);
    expect(worker.maxInFlight).toBe(2);
  });

  it('without prefetch a worker has one task at a time', async () => {
    const worker = fakeWorker(() => 5);
    pool = new WorkerPoolExecutor([worker], { prefetch: false });
    await pool.prepare(config);
    await pool.train([task(0), task(1), task(2)]);
    expect(worker.maxInFlight).toBe(1);
  });

  it('does not prefetch at the end of a round: the last task goes to the first free worker', async () => {
    // Four equal tasks. Worker 0 takes tasks 0 and 1 (3 were left for 2 workers); worker 1 takes task 2 but not
    // task 3 (1 left < 2 workers). Worker 1 is slow, so fast worker 0 ends up with task 3 too.
    const workers = [fakeWorker(() => 1), fakeWorker(() => 40)];
    pool = new WorkerPoolExecutor(workers);
    await pool.prepare(config);
    await pool.train([task(1), task(3), task(1), task(3)]);
    expect(workers[0].seen).toEqual([1, 3, 3]);
    expect(workers[1].seen).toEqual([1]);
  });

  it('spreads the evaluation over fixed test chunks and combines them by size', async () => {
    pool = new WorkerPoolExecutor([fakeWorker(), fakeWorker()]);
    await pool.prepare(config);
    // Chunks of 512 and 488 examples: accuracy (128 + 122) / 1000, loss (3·512 + 4·488) / 1000.
    expect(await pool.evaluate(new Float32Array([0.25, 3]))).toEqual({ accuracy: 0.25, loss: 3.488 });
  });

  it('reports an error thrown in a worker call and stays usable', async () => {
    pool = new WorkerPoolExecutor([fakeWorker()]);
    await pool.prepare(config);
    await expect(pool.train([task(0), task(99)])).rejects.toThrow('client worker 0 failed: no client 99');
    const [update] = await pool.train([task(3)]);
    expect(update.clientId).toBe(3);
  });

  it('fails (instead of hanging) when a worker dies during a call, and stays failed', async () => {
    const workers = [fakeWorker(() => 1), fakeWorker(() => 500)];
    pool = new WorkerPoolExecutor(workers);
    await pool.prepare(config);
    const running = pool.train([task(0), task(1), task(2)]);
    setTimeout(() => workers[1].kill('worker thread exited (code 1)'), 20);
    await expect(running).rejects.toThrow('client worker 1 failed: worker thread exited (code 1)');
    await expect(pool.evaluate(new Float32Array(2))).rejects.toThrow('client worker 1 failed');
  });

  it('needs prepare first, and dispose terminates every worker', async () => {
    const workers = [fakeWorker(), fakeWorker()];
    pool = new WorkerPoolExecutor(workers);
    await expect(pool.train([task(0)])).rejects.toThrow('call prepare(config) first');
    await pool.prepare(config);
    await pool.dispose();
    expect(workers.map((w) => w.terminated)).toEqual([true, true]);
    await expect(pool.train([task(0)])).rejects.toThrow('disposed');
  });
});
