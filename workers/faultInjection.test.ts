// Fault injection on real worker threads: a client worker killed mid-round, and one whose answer never comes (a
// worker closed or frozen without an event). The round completes with that client retried on a fresh worker, the
// run's numbers equal a fault-free run's, and the same pool runs the next experiment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../core/config/schema';
import { RoundEngine } from '../core/engine/engine';
import { VariantRun } from '../core/engine/variantRun';
import type { ClientTask } from '../core/engine/executor';
import type { RoundMetrics, RunMetrics } from '../core/report/metrics';
import { createNodePoolExecutor, spawnNodeWorker } from './nodePool';
import { WorkerPoolExecutor } from './workerPoolExecutor';

const config = parseConfig({
  seed: 11,
  rounds: 3,
  data: { dataset: 'moons', numSamples: 600 },
  partition: { numClients: 6, method: 'dirichlet', alpha: 0.5 },
  model: { kind: 'mlp', hidden: [8] },
  sampling: { fraction: 0.5 },
});
/** The round the fault strikes in, and which of its clients (by rank among the sampled ones). */
const FAULT_ROUND = 2;

type Fault = 'kill' | 'silent';

/**
 * A node pool whose worker running client `victim` in round FAULT_ROUND meets `fault` once: its thread is terminated
 * while it trains (an exit event), or its answer is dropped (no event at all: only the liveness budget finds it).
 */
function faultyPool(fault: Fault, victim: number): { pool: WorkerPoolExecutor; spawned: () => number } {
  let armed = true;
  let spawned = 0;
  const strikes = (task: ClientTask) => armed && task.round === FAULT_ROUND && task.clientId === victim;
  const pool = new WorkerPoolExecutor(
    () => {
      spawned++;
      const worker = spawnNodeWorker();
      const train = (task: ClientTask, context?: number) => {
        const answer = worker.api.train(task, context);
        if (!strikes(task)) return answer;
        armed = false;
        if (fault === 'kill') void worker.thread.terminate();
        return fault === 'silent' ? new Promise<never>(() => {}) : answer;
      };
      return { ...worker, api: new Proxy(worker.api, { get: (api, key) => (key === 'train' ? train : Reflect.get(api, key)) }) };
    },
    2,
    // Detection of the silent worker takes max(minMs, 10 × the slowest rate seen × its work): 3 s here.
    { liveness: { minMs: 3_000 } },
  );
  return { pool, spawned: () => spawned };
}

/** What must not depend on faults: every number but the wall time, and the round's note. */
const numbers = (rounds: RoundMetrics[]) => rounds.map(({ durationMs: _, note: __, ...rest }) => rest);

async function runOn(pool: WorkerPoolExecutor): Promise<RunMetrics> {
  const engine = new RoundEngine(config, pool, { runtime: 'node' });
  const end = await engine.run();
  expect(end.reason).toBe('completed');
  return engine.getMetrics();
}

let reference: RunMetrics;
let victim: number;
beforeAll(async () => {
  const pool = createNodePoolExecutor({ workers: 2 });
  reference = await runOn(pool);
  await pool.dispose();
  victim = reference.rounds[FAULT_ROUND].clients[1].id;
});

describe.each<Fault>(['kill', 'silent'])('a client worker that meets "%s" mid-round', (fault) => {
  let pool: WorkerPoolExecutor;
  let spawned: () => number;
  beforeAll(() => ({ pool, spawned } = faultyPool(fault, victim)));
  afterAll(() => pool.dispose());

  it('is replaced; its client is retried on a fresh worker and the run’s numbers equal a fault-free run’s', async () => {
    const metrics = await runOn(pool);
    expect(numbers(metrics.rounds)).toEqual(numbers(reference.rounds));
    const reason = fault === 'kill' ? 'worker thread exited \\(code 1\\)' : 'the worker did not answer within 3\\.0 s';
    expect(metrics.rounds[FAULT_ROUND].note).toMatch(new RegExp(`client ${victim} retried on a fresh worker \\(${reason}`));
    expect(metrics.rounds[FAULT_ROUND].clients.find((c) => c.id === victim)?.dropped).toBe(false);
    expect(spawned()).toBe(3);
  });

  it('and the same pool runs the next experiment at once', async () => {
    const metrics = await runOn(pool);
    expect(numbers(metrics.rounds)).toEqual(numbers(reference.rounds));
    expect(metrics.rounds.map((r) => r.note)).toEqual(reference.rounds.map((r) => r.note));
    expect(spawned()).toBe(3);
  });
});

describe('variants side by side on a pool whose worker is killed mid-round', () => {
  it('the fresh worker gets every variant’s config: each variant still equals its config run alone', async () => {
    // A variant that trains differently too (its learning rate): a task run in the wrong context would show.
    const median = parseConfig({ ...config, aggregator: { ...config.aggregator, name: 'median' }, train: { ...config.train, lr: 0.02 } });
    const clean = createNodePoolExecutor({ workers: 2 });
    const alone = new RoundEngine(median, clean, { runtime: 'node' });
    await alone.run();
    await clean.dispose();

    const { pool, spawned } = faultyPool('kill', victim);
    try {
      const run = new VariantRun([config, median], pool, { runtime: 'node' });
      expect((await run.run()).map((end) => end.reason)).toEqual(['completed', 'completed']);
      const [base, variant] = run.engines.map((engine) => engine.getMetrics());
      expect(numbers(base.rounds)).toEqual(numbers(reference.rounds));
      expect(numbers(variant.rounds)).toEqual(numbers(alone.getMetrics().rounds));
      // One of the two lost the victim's task, retried on the replacement, which had to know both configs.
      const notes = [base, variant].map((m) => m.rounds[FAULT_ROUND].note ?? '');
      expect(notes.some((note) => note.includes(`client ${victim} retried on a fresh worker`))).toBe(true);
      expect(spawned()).toBe(3);
      // Once every slot is up (prepare waits for the replacement), the fresh worker takes variant 1's tasks too.
      await pool.prepare(config);
      const weights = await pool.context(1).initialWeights();
      const tasks = Array.from({ length: 6 }, (_, clientId) => ({ round: 1, clientId, weights, workFraction: 1 }));
      expect((await pool.context(1).train(tasks)).updates).toHaveLength(6);
    } finally {
      await pool.dispose();
    }
  });
});
