import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig, type ExperimentConfigInput } from '../config/schema';
import { loadData } from '../data/load';
import type { AssetLoader } from '../data/types';
import { initParams } from '../model/init';
import { modelSpecFor } from '../model/spec';
import { featureSkewParams } from '../partition/featureSkew';
import { partitionData } from '../partition/partition';
import { rngFor } from '../rng';
import { LocalTrainer } from '../train/localTrainer';
import { ClientRuntime } from './clientRuntime';

const mnistPath = new URL('../../public/data/mnist.bin', import.meta.url);
/** Reads public/data/mnist.bin and counts how often it is asked for. */
function countingLoader(): AssetLoader & { calls: number } {
  const loader = Object.assign(
    async () => {
      loader.calls++;
      return new Uint8Array(await readFile(mnistPath));
    },
    { calls: 0 },
  );
  return loader;
}
const noAssets: AssetLoader = async (name) => {
  throw new Error(`this test loads no assets (asked for ${name})`);
};

const moons = (overrides: ExperimentConfigInput = {}) =>
  parseConfig({
    seed: 3,
    data: { dataset: 'moons', numSamples: 2000, testFraction: 0.5, noise: 0.1 },
    partition: { numClients: 5 },
    model: { kind: 'mlp', hidden: [8] },
    ...overrides,
  });

describe('ClientRuntime', () => {
  const runtime = new ClientRuntime();
  const config = moons();
  beforeAll(async () => {
    expect(await runtime.init({ config, loadAsset: noAssets })).toEqual({ backend: 'wasm', simd: true });
  });

  it('refuses work before init', () => {
    expect(() => new ClientRuntime().initialWeights()).toThrow('ClientRuntime: call init({ config, loadAsset }) first');
  });

  it('starts from initParams(spec, rngFor(seed, "init"))', async () => {
    const { train } = await loadData(config, noAssets);
    const expected = initParams(modelSpecFor(config, train), rngFor(3, 'init'));
    expect(runtime.initialWeights()).toEqual(expected);
  });

  it('trains a client: federated evaluation of the received model first, then local steps', async () => {
    const weights = runtime.initialWeights();
    const update = await runtime.train({ round: 2, clientId: 1, weights, workFraction: 1 });
    const size = runtime.partitionStats().sizes[1];
    expect(size).toBe(200); // 1000 training points over 5 IID clients
    expect(update).toMatchObject({ round: 2, clientId: 1, numExamples: 200, steps: Math.ceil(200 / 32) });
    // The federated evaluation is the received model's accuracy on the client's own 200 points.
    const { train } = await loadData(config, noAssets);
    const trainer = new LocalTrainer(modelSpecFor(config, train), config.train);
    const own = trainer.evaluate(weights, train, partitionData(config, train.y, train.numClasses).clients[1]);
    expect(update.localAccuracy).toBe(own.accuracy);
    expect(update.localLoss).toBe(own.loss);
    expect(Array.from(weights)).toEqual(Array.from(runtime.initialWeights())); // the task's weights are not touched
    await expect(runtime.train({ round: 2, clientId: 5, weights, workFraction: 1 })).rejects.toThrow(
      'no client 5: the partition has 5 clients',
    );
  });

  it('trains with DP-SGD when config.privacy.dpSgd is on, noise from rngFor(seed, "dp-sgd", round, client)', async () => {
    const privacy = { dpSgd: true, dpSgdClipNorm: 0.5, dpSgdNoiseMultiplier: 1 };
    const dpConfig = moons({ privacy });
    const other = new ClientRuntime();
    await other.init({ config: dpConfig, loadAsset: noAssets });
    const weights = other.initialWeights();
    const task = { round: 2, clientId: 1, weights, workFraction: 1 };
    const update = await other.train(task);
    const { train } = await loadData(dpConfig, noAssets);
    const expected = new LocalTrainer(modelSpecFor(dpConfig, train), dpConfig.train).train(
      weights,
      train,
      partitionData(dpConfig, train.y, train.numClasses).clients[1],
      { dpSgd: { clipNorm: 0.5, noiseMultiplier: 1, noise: rngFor(3, 'dp-sgd', 2, 1) } },
      rngFor(3, 'shuffle', 2, 1),
    );
    expect(update.delta).toEqual(expected.delta);
    expect((await other.train(task)).delta).toEqual(update.delta);
    expect((await other.train({ ...task, round: 3 })).delta).not.toEqual(update.delta);
    // Switching DP-SGD off again (same model and train section, so the same trainer) trains as without it.
    await other.init({ config, loadAsset: noAssets });
    expect((await other.train(task)).delta).toEqual((await runtime.train(task)).delta);
  });

  it('evaluates the test set chunk by chunk: same accuracy as one pass, loss to rounding', async () => {
    const weights = runtime.initialWeights();
    const { train, test } = await loadData(config, noAssets);
    expect(test.numExamples).toBe(1000); // two chunks: 512 + 488
    const whole = new LocalTrainer(modelSpecFor(config, train), config.train).evaluate(weights, test);
    const chunked = runtime.evaluate(weights);
    expect(chunked.accuracy).toBe(whole.accuracy);
    expect(chunked.loss).toBeCloseTo(whole.loss, 10);
  });

  it('predicts class probabilities on a grid of cell centres', () => {
    const weights = runtime.initialWeights();
    const box = { xMin: -1, xMax: 1, yMin: 0, yMax: 2 };
    const grid = runtime.predictGrid(weights, box, 2);
    expect(grid.length).toBe(2 * 2 * 2);
    for (let p = 0; p < 4; p++) expect(grid[2 * p] + grid[2 * p + 1]).toBeCloseTo(1, 6);
    // Cell (row 1, col 0) is the point (−0.5, 1.5).
    const single = runtime.predictGrid(weights, { xMin: -0.5, xMax: -0.5, yMin: 1.5, yMax: 1.5 }, 1);
    expect(grid[2 * 2]).toBeCloseTo(single[0], 6);
    expect(() => runtime.predictGrid(weights, box, 0)).toThrow('resolution must be an integer in [1, 512], got 0');
  });

  it('gives a client’s points as the client sees them (feature skew applied)', async () => {
    const skewed = moons({ partition: { numClients: 5, featureSkew: 'shift', featureSkewStrength: 1 } });
    const other = new ClientRuntime();
    await other.init({ config: skewed, loadAsset: noAssets });
    const { train } = await loadData(skewed, noAssets);
    const points = other.clientData(4);
    const shift = featureSkewParams(skewed, train, 4);
    if (shift?.kind !== 'shift') throw new Error('expected a shift');
    expect(points.count).toBe(200);
    const indices = partitionData(skewed, train.y, train.numClasses).clients[4];
    for (const k of [0, 199]) {
      const i = indices[k];
      expect(points.y[k]).toBe(train.y[i]);
      expect(points.x[2 * k]).toBeCloseTo(train.x[2 * i] + shift.dx, 5);
      expect(points.x[2 * k + 1]).toBeCloseTo(train.x[2 * i + 1] + shift.dy, 5);
    }
  });
});

describe('ClientRuntime re-init', () => {
  it('reloads data only when the seed or data section change', async () => {
    const loader = countingLoader();
    const runtime = new ClientRuntime();
    const mnist = (input: ExperimentConfigInput) =>
      parseConfig({ data: { dataset: 'mnist' }, model: { kind: 'logreg' }, ...input });
    await runtime.init({ config: mnist({ partition: { numClients: 10 } }), loadAsset: loader });
    expect(runtime.partitionStats().sizes).toHaveLength(10);
    await runtime.init({ config: mnist({ partition: { numClients: 4 }, train: { lr: 0.1 } }), loadAsset: loader });
    expect(runtime.partitionStats().sizes).toHaveLength(4);
    expect(loader.calls).toBe(1);
    await runtime.init({ config: mnist({ seed: 9, partition: { numClients: 4 } }), loadAsset: loader });
    expect(loader.calls).toBe(2);
    expect(() => runtime.predictGrid(runtime.initialWeights(), { xMin: 0, xMax: 1, yMin: 0, yMax: 1 }, 2)).toThrow(
      'predictGrid needs a 2-D dataset, not mnist',
    );
  });
});
