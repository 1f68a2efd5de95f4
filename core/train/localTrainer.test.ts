import { beforeAll, describe, expect, it } from 'vitest';
import { memory } from '@tensorflow/tfjs-core';
import type { Dataset } from '../data/types';
import { initParams } from '../model/init';
import type { ModelSpec } from '../model/types';
import { Rng } from '../rng';
import { initBackend } from '../tf/backend';
import { KernelRunner } from '../tf/kernelRunner';
import { LocalTrainer } from './localTrainer';
import { describeHandComputedSteps } from './localTrainer.suite';

beforeAll(async () => {
  const info = await initBackend({ preferred: 'wasm' });
  expect(info.backend).toBe('wasm');
});

describeHandComputedSteps();

/** Three Gaussian blobs in 2-D, seeded. */
function blobs(n: number, seed: number): Dataset {
  const rng = new Rng(seed, 'blobs');
  const centres = [[-2, 0], [2, 0], [0, 2.5]];
  const x = new Float32Array(2 * n);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = i % 3;
    x[2 * i] = centres[y[i]][0] + 0.8 * rng.normal();
    x[2 * i + 1] = centres[y[i]][1] + 0.8 * rng.normal();
  }
  return { name: 'blobs', x, y, numExamples: n, inputShape: [2], featureSize: 2, numClasses: 3 };
}

/** Random 12×12 "images" with a class-dependent bright square, for the CNN. */
function images(n: number, seed: number): Dataset {
  const rng = new Rng(seed, 'images');
  const x = new Float32Array(n * 144);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = i % 4;
    for (let p = 0; p < 144; p++) x[i * 144 + p] = 0.2 * rng.float();
    const [r0, c0] = [[1, 1], [1, 7], [7, 1], [7, 7]][y[i]];
    for (let r = r0; r < r0 + 4; r++) for (let c = c0; c < c0 + 4; c++) x[i * 144 + r * 12 + c] = 1;
  }
  return { name: 'mnist', x, y, numExamples: n, inputShape: [12, 12, 1], featureSize: 144, numClasses: 4 };
}

const range = (n: number) => Int32Array.from({ length: n }, (_, i) => i);
const mlp: ModelSpec = { kind: 'mlp', inputShape: [2], numClasses: 3, hidden: [16] };
const cnn: ModelSpec = { kind: 'cnn', inputShape: [12, 12, 1], numClasses: 4, hidden: [] };

describe('LocalTrainer on wasm', () => {
  it('lowers the loss of an MLP over a few rounds', () => {
    const data = blobs(120, 1);
    const trainer = new LocalTrainer(mlp, { lr: 0.1, batchSize: 16 });
    let weights = initParams(mlp, new Rng(1, 'init'));
    const before = trainer.evaluate(weights, data);
    for (let round = 0; round < 5; round++) {
      const { delta } = trainer.train(weights, data, range(120), { epochs: 2 }, new Rng(1, 'shuffle', round));
      weights = weights.map((w, i) => w + delta[i]);
    }
    const after = trainer.evaluate(weights, data);
    expect(after.loss).toBeLessThan(0.5 * before.loss);
    expect(after.accuracy).toBeGreaterThan(0.9);
  });

  it('trains the CNN: loss falls on images whose class is where a square is', () => {
    const data = images(64, 2);
    const trainer = new LocalTrainer(cnn, { lr: 0.1, batchSize: 16 });
    let weights = initParams(cnn, new Rng(2, 'init'));
    const before = trainer.evaluate(weights, data);
    for (let round = 0; round < 4; round++) {
      const { delta } = trainer.train(weights, data, range(64), { epochs: 2 }, new Rng(2, 'shuffle', round));
      weights = weights.map((w, i) => w + delta[i]);
    }
    expect(trainer.evaluate(weights, data).loss).toBeLessThan(0.5 * before.loss);
  });

  it('is deterministic: same inputs give a bitwise identical Δ; another shuffle stream does not', () => {
    const data = images(40, 3);
    const trainer = new LocalTrainer(cnn, { lr: 0.05, batchSize: 8 });
    const w = initParams(cnn, new Rng(3, 'init'));
    const a = trainer.train(w, data, range(40), {}, new Rng(3, 'shuffle'));
    const b = trainer.train(w, data, range(40), {}, new Rng(3, 'shuffle'));
    const c = trainer.train(w, data, range(40), {}, new Rng(4, 'shuffle'));
    expect(Buffer.from(a.delta.buffer).equals(Buffer.from(b.delta.buffer))).toBe(true);
    expect(a.trainLoss).toBe(b.trainLoss);
    expect(Buffer.from(a.delta.buffer).equals(Buffer.from(c.delta.buffer))).toBe(false);
  });

  it('leaves no tensors behind across many train, evaluate and predict calls', () => {
    const data = images(20, 5);
    const trainer = new LocalTrainer(cnn, { batchSize: 8, optimizer: 'adam' });
    const w = initParams(cnn, new Rng(5, 'init'));
    const runner = KernelRunner.current();
    const run = () => {
      trainer.train(w, data, range(20), { proximalMu: 0.1 }, new Rng(5));
      trainer.train(w, data, range(20), { optimizer: 'sgd', momentum: 0.9 }, new Rng(6));
      trainer.evaluate(w, data);
      trainer.predict(w, data.x.subarray(0, 3 * 144), 3);
    };
    run();
    const tensors = memory().numTensors;
    const buffers = runner.liveBuffers();
    for (let i = 0; i < 5; i++) run();
    expect(memory().numTensors).toBe(tensors);
    expect(runner.liveBuffers()).toBe(buffers);
  });

  it('runs ceil(workFraction × total) steps, counting the last partial batch', () => {
    const data = blobs(10, 6);
    const trainer = new LocalTrainer(mlp, { batchSize: 4 });
    const w = initParams(mlp, new Rng(6, 'init'));
    // 10 examples in batches of 4: 3 steps per epoch (4, 4, 2).
    expect(trainer.train(w, data, range(10), { epochs: 2 }, new Rng(6)).steps).toBe(6);
    expect(trainer.train(w, data, range(10), { epochs: 2, workFraction: 0.5 }, new Rng(6)).steps).toBe(3);
    expect(trainer.train(w, data, range(10), { epochs: 2, workFraction: 0.1 }, new Rng(6)).steps).toBe(1);
  });

  it('reports train loss as the example-weighted mean over every example, partial batch included', () => {
    const data = blobs(10, 7);
    const trainer = new LocalTrainer(mlp, { batchSize: 4, lr: 1e-5 });
    const w = initParams(mlp, new Rng(7, 'init'));
    // With a negligible step size every batch sees (almost) the initial model.
    const result = trainer.train(w, data, range(10), {}, new Rng(7));
    const initial = trainer.evaluate(w, data);
    expect(result.trainLoss).toBeCloseTo(initial.loss, 4);
    expect(result.trainAccuracy).toBeCloseTo(initial.accuracy, 6);
  });

  it('returns a zero Δ and no steps for a client without data', () => {
    const trainer = new LocalTrainer(mlp);
    const w = initParams(mlp, new Rng(8, 'init'));
    const result = trainer.train(w, blobs(5, 8), new Int32Array(0), {}, new Rng(8));
    expect(result.steps).toBe(0);
    expect(result.delta.every((d) => d === 0)).toBe(true);
    expect(result.trainLoss).toBeNaN();
  });

  it('predicts class probabilities that sum to one and agree with evaluate', () => {
    const data = blobs(30, 9);
    const trainer = new LocalTrainer(mlp);
    const w = initParams(mlp, new Rng(9, 'init'));
    const p = trainer.predict(w, data.x, 30);
    expect(p.length).toBe(90);
    let hits = 0;
    for (let i = 0; i < 30; i++) {
      const row = Array.from(p.subarray(3 * i, 3 * i + 3));
      expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 5);
      if (row.indexOf(Math.max(...row)) === data.y[i]) hits++;
    }
    expect(hits / 30).toBe(trainer.evaluate(w, data).accuracy);
  });

  it('names bad input', () => {
    const trainer = new LocalTrainer(mlp);
    const w = initParams(mlp, new Rng(10, 'init'));
    const data = blobs(5, 10);
    expect(() => trainer.train(w.subarray(1), data, range(5), {}, new Rng(1))).toThrow(/expected \d+ parameters/);
    expect(() => trainer.train(w, data, range(5), { lr: -1 }, new Rng(1))).toThrow(/lr must be > 0/);
    expect(() => trainer.evaluate(w, images(2, 1))).toThrow(/144 features and 4 classes/);
    trainer.dispose();
    expect(() => trainer.evaluate(w, data)).toThrow(/after dispose/);
  });
});
