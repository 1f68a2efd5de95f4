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

describe('LocalTrainer DP-SGD on wasm', () => {
  const logreg: ModelSpec = { kind: 'logreg', inputShape: [12, 12, 1], numClasses: 4, hidden: [] };
  const imageMlp: ModelSpec = { kind: 'mlp', inputShape: [12, 12, 1], numClasses: 4, hidden: [32, 16] };
  const dpSgd = (clipNorm: number, noiseMultiplier: number, seed = 1) => ({
    clipNorm,
    noiseMultiplier,
    noise: new Rng(seed, 'dp-sgd'),
  });
  const maxAbsDiff = (a: Float32Array, b: Float32Array) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);
  const maxAbs = (a: Float32Array) => a.reduce((m, v) => Math.max(m, Math.abs(v)), 0);

  it.each([
    ['logreg', logreg],
    ['MLP', imageMlp],
  ])('%s: with σ = 0 and a huge C equals ordinary training (SGD, momentum, Adam, FedProx)', (_name, spec) => {
    const data = images(48, 11);
    const trainer = new LocalTrainer(spec, { batchSize: 16, lr: 0.1 });
    const w = initParams(spec, new Rng(11, 'init'));
    const settings = [{}, { momentum: 0.9 }, { optimizer: 'adam' as const, lr: 0.01 }, { proximalMu: 0.5 }];
    for (const options of settings) {
      const run = (privacy?: ReturnType<typeof dpSgd>) =>
        trainer.train(w, data, range(48), { ...options, epochs: 2, dpSgd: privacy }, new Rng(11, 'shuffle'));
      const [plain, dp] = [run(), run(dpSgd(1e4, 0))];
      expect(maxAbsDiff(dp.delta, plain.delta)).toBeLessThan(1e-5 * maxAbs(plain.delta));
      expect(dp.trainLoss).toBeCloseTo(plain.trainLoss, 5);
      expect(dp.trainAccuracy).toBe(plain.trainAccuracy);
    }
  });

  it.each([
    ['logreg (batched norms)', logreg],
    ['MLP (batched norms)', imageMlp],
    ['CNN (one pass per example)', cnn],
  ])('%s: with σ = 0 a step is −lr · Σᵢ clip(gᵢ) / B, against per-example passes', (_name, spec) => {
    const data = images(8, 12);
    const trainer = new LocalTrainer(spec);
    const w = initParams(spec, new Rng(12, 'init'));
    // Reference: each example's gradient from a plain step of its own (lr 1, batch 1: Δ = −gᵢ), clipped by hand.
    const alone = (i: number) => trainer.train(w, data, Int32Array.of(i), { lr: 1, batchSize: 1 }, new Rng(1));
    const g = Array.from(range(8), (i) => alone(i).delta);
    const norms = g.map((gi) => Math.hypot(...gi));
    const clipNorm = [...norms].sort((a, b) => a - b)[4]; // the median: about half the examples are clipped
    const [lr, batchSize] = [0.3, 10];
    const expected = new Float64Array(w.length);
    g.forEach((gi, i) => {
      const factor = Math.min(1, clipNorm / (norms[i] + 1e-6));
      gi.forEach((v, k) => (expected[k] += (lr * factor * v) / batchSize)); // Δ = −lr·mean, and gᵢ = −Δᵢ
    });
    const dp = trainer.train(w, data, range(8), { lr, batchSize, dpSgd: dpSgd(clipNorm, 0) }, new Rng(2));
    expect(dp.steps).toBe(1);
    expect(maxAbsDiff(dp.delta, Float32Array.from(expected))).toBeLessThan(1e-5 * maxAbs(Float32Array.from(expected)));
  });

  it('adds noise of std σC/B to the averaged gradient, B the configured batch size (short batch too)', () => {
    const spec: ModelSpec = { kind: 'mlp', inputShape: [12, 12, 1], numClasses: 4, hidden: [64] };
    const data = images(10, 13);
    const trainer = new LocalTrainer(spec);
    const w = initParams(spec, new Rng(13, 'init'));
    const [lr, batchSize, clipNorm, sigma] = [1, 16, 0.5, 2];
    const run = (multiplier: number) =>
      trainer.train(w, data, range(10), { lr, batchSize, dpSgd: dpSgd(clipNorm, multiplier, 13) }, new Rng(13)).delta;
    const [noisy, clean] = [run(sigma), run(0)];
    const d = w.length; // 9,540 coordinates
    const noise = Array.from(noisy, (v, i) => clean[i] - v); // lr · σC/B · z
    const mean = noise.reduce((s, v) => s + v, 0) / d;
    const std = Math.sqrt(noise.reduce((s, v) => s + (v - mean) ** 2, 0) / (d - 1));
    const expected = (lr * sigma * clipNorm) / batchSize;
    expect(Math.abs(std / expected - 1)).toBeLessThan(0.05);
    expect(Math.abs(mean)).toBeLessThan((4 * expected) / Math.sqrt(d));
  });

  it('is deterministic: the same noise stream gives a bitwise identical Δ, another one does not', () => {
    const data = blobs(40, 14);
    const trainer = new LocalTrainer(mlp, { batchSize: 8 });
    const w = initParams(mlp, new Rng(14, 'init'));
    const run = (noiseSeed: number) =>
      trainer.train(w, data, range(40), { epochs: 2, dpSgd: dpSgd(1, 1, noiseSeed) }, new Rng(14, 'shuffle'));
    const [a, b, c] = [run(1), run(1), run(2)];
    expect(Buffer.from(a.delta.buffer).equals(Buffer.from(b.delta.buffer))).toBe(true);
    expect(a.trainLoss).toBe(b.trainLoss);
    expect(Buffer.from(a.delta.buffer).equals(Buffer.from(c.delta.buffer))).toBe(false);
  });

  it('leaves no tensors behind (batched norms and per-example passes, Adam, FedProx)', () => {
    const data = images(20, 15);
    const trainers = [new LocalTrainer(cnn, { batchSize: 8 }), new LocalTrainer(imageMlp, { batchSize: 8 })];
    const weights = trainers.map((t) => initParams(t.spec, new Rng(15, 'init')));
    const runner = KernelRunner.current();
    const run = () =>
      trainers.forEach((trainer, k) => {
        trainer.train(weights[k], data, range(20), { optimizer: 'adam', dpSgd: dpSgd(1, 1) }, new Rng(5));
        const heavy = { proximalMu: 0.1, momentum: 0.9, dpSgd: dpSgd(0.1, 0.5) };
        trainer.train(weights[k], data, range(20), heavy, new Rng(6));
      });
    run();
    const tensors = memory().numTensors;
    const buffers = runner.liveBuffers();
    for (let i = 0; i < 3; i++) run();
    expect(memory().numTensors).toBe(tensors);
    expect(runner.liveBuffers()).toBe(buffers);
  });

  it('names bad DP-SGD settings', () => {
    const trainer = new LocalTrainer(mlp);
    const w = initParams(mlp, new Rng(16, 'init'));
    const data = blobs(5, 16);
    expect(() => trainer.train(w, data, range(5), { dpSgd: dpSgd(0, 1) }, new Rng(1))).toThrow(
      /dpSgd.clipNorm must be > 0/,
    );
    expect(() => trainer.train(w, data, range(5), { dpSgd: dpSgd(1, -1) }, new Rng(1))).toThrow(
      /dpSgd.noiseMultiplier must be ≥ 0/,
    );
  });
});
