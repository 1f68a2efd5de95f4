// Same config and seed ⇒ bitwise-identical client updates and evaluations, in this thread or on a pool of 1 or 2
// worker threads (the pool's scheduling must not leak into the numbers).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../core/config/schema';
import { InProcessExecutor } from '../core/engine/inProcessExecutor';
import type { ClientTask, ClientUpdate, EvalResult, Executor } from '../core/engine/executor';
import { nodeAssetLoader } from './assets-node';
import { createNodePoolExecutor } from './nodePool';

const config = parseConfig({
  seed: 7,
  data: { dataset: 'mnist' },
  partition: { numClients: 12, method: 'dirichlet', alpha: 0.5, featureSkew: 'noise', featureSkewStrength: 0.5 },
  model: { kind: 'mlp', hidden: [32] },
  train: { batchSize: 32, lr: 0.05 },
  strategy: { name: 'fedprox', proximalMu: 0.1 },
  sampling: { fraction: 0.5 },
});

interface Outcome {
  initial: Float32Array;
  updates: ClientUpdate[];
  evaluation: EvalResult;
}

/** Round 1 on five clients (one a partial straggler), then a centralized evaluation of the first update applied. */
async function runOn(executor: Executor): Promise<Outcome> {
  await executor.prepare(config);
  const initial = await executor.initialWeights();
  const tasks: ClientTask[] = [3, 0, 7, 5, 11].map((clientId, i) => ({
    round: 1,
    clientId,
    weights: initial,
    workFraction: i === 2 ? 0.5 : 1,
  }));
  const { updates } = await executor.train(tasks);
  const next = initial.map((w, j) => w + updates[0].delta[j]);
  return { initial, updates, evaluation: await executor.evaluate(next) };
}

const bits = (a: Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
/** Every number of an outcome, with float arrays as their exact bytes (NaN-safe, bitwise). */
const fingerprint = (o: Outcome) => ({
  initial: bits(o.initial),
  updates: o.updates.map((u) => ({ ...u, delta: bits(u.delta) })),
  evaluation: o.evaluation,
});

let reference: Outcome;

beforeAll(async () => {
  const executor = new InProcessExecutor(nodeAssetLoader);
  reference = await runOn(executor);
  await executor.dispose();
});

describe('determinism across executors', () => {
  it('the in-process reference is a real training run', () => {
    expect(reference.updates.map((u) => u.clientId)).toEqual([3, 0, 7, 5, 11]);
    for (const u of reference.updates) {
      expect(u.delta.length).toBe(reference.initial.length);
      expect(u.delta.some((d) => d !== 0)).toBe(true);
      expect(u.localAccuracy).toBeGreaterThanOrEqual(0);
    }
    // The straggler ran about half the steps of a full client of its size.
    expect(reference.updates[2].steps).toBeLessThan(reference.updates[2].numExamples / config.train.batchSize);
    expect(reference.evaluation.accuracy).toBeGreaterThan(0);
  });

  for (const workers of [1, 2]) {
    describe(`pool of ${workers}`, () => {
      let pool: Executor | undefined;
      let outcome: Outcome;
      beforeAll(async () => {
        pool = createNodePoolExecutor({ workers });
        outcome = await runOn(pool);
      });
      afterAll(() => pool?.dispose());

      it('gives bitwise-identical updates and evaluation', () => {
        expect(fingerprint(outcome)).toEqual(fingerprint(reference));
      });
    });
  }
});
