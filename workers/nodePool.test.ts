// The worker_threads pool end to end: real workers, real errors, clean shutdown.
import { createHook } from 'node:async_hooks';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../core/config/schema';
import { createNodePoolExecutor } from './nodePool';
import type { WorkerPoolExecutor } from './workerPoolExecutor';

const config = parseConfig({
  data: { dataset: 'moons', numSamples: 400 },
  partition: { numClients: 4 },
  model: { kind: 'mlp', hidden: [8] },
});

// Worker handles alive in this process, seen through async_hooks ('WORKER' resources).
const liveWorkers = new Set<number>();
const hook = createHook({
  init: (id, type) => void (type === 'WORKER' && liveWorkers.add(id)),
  destroy: (id) => void liveWorkers.delete(id),
});

let pool: WorkerPoolExecutor;
beforeAll(async () => {
  hook.enable();
  pool = createNodePoolExecutor({ workers: 2 });
  await pool.prepare(config);
});
afterAll(async () => {
  await pool.dispose();
  hook.disable();
});

describe('createNodePoolExecutor', () => {
  it('starts the requested number of TypeScript worker threads', async () => {
    expect(pool.size).toBe(2);
    expect(liveWorkers.size).toBe(2);
    const stats = await pool.partitionStats();
    expect(stats.sizes.reduce((a, b) => a + b, 0)).toBe(320); // 400 points, 20% held out
  });

  it('reports an error raised in a worker with its message', async () => {
    const weights = await pool.initialWeights();
    const task = { round: 1, clientId: 9, weights, workFraction: 1 };
    await expect(pool.train([task])).rejects.toThrow(/^no client 9: the partition has 4 clients/);
    // A failed call does not break the pool.
    const { updates } = await pool.train([{ ...task, clientId: 2 }]);
    expect(updates[0].delta.length).toBe(weights.length);
  });

  it('reports a worker that cannot start instead of hanging', async () => {
    const broken = createNodePoolExecutor({ workers: 1, resourceLimits: { maxOldGenerationSizeMb: 1 } });
    // It is given a second worker (which fails too) before the pool gives up.
    await expect(broken.prepare(config)).rejects.toThrow(
      'client worker 0 could not start: Worker terminated due to reaching memory limit: JS heap out of memory',
    );
    await broken.dispose();
  });

  it('dispose terminates every worker', async () => {
    const extra = createNodePoolExecutor({ workers: 2 });
    await extra.prepare(config);
    expect(liveWorkers.size).toBeGreaterThanOrEqual(pool.size + 2);
    await extra.dispose();
    // Only the shared pool's workers are left. terminate() resolves once the threads stopped; async_hooks reports each
    // handle's destruction a tick or more later (so does the failed pool's of the test before).
    await vi.waitFor(() => expect(liveWorkers.size).toBe(pool.size));
    await expect(extra.evaluate(new Float32Array(1))).rejects.toThrow('disposed');
  });
});
