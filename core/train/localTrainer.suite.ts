// Hand-computed optimiser steps, shared by the wasm and cpu test files (one backend per process).
import { describe, expect, it } from 'vitest';
import type { ModelSpec } from '../model/types';
import { Rng } from '../rng';
import { LocalTrainer } from './localTrainer';
import { axpy, flatten, logregGradient, tinyDataset, zip, type Logreg } from './testing';

const spec: ModelSpec = { kind: 'logreg', inputShape: [3], numClasses: 3, hidden: [] };
const w0: Logreg = {
  w: [
    [0.1, 0.2, -0.3],
    [0.3, -0.1, 0.05],
    [-0.2, 0.4, 0.1],
  ],
  b: [0, 0.5, -0.25],
};
const rows = [
  [1, 2, -1],
  [-1, 0.5, 2],
];
const labels = [0, 1];
const data = tinyDataset(rows, labels, 3);
const all = Int32Array.from([0, 1]);
const first = Int32Array.from([0]);

function expectDelta(delta: Float32Array, expected: Logreg) {
  const want = flatten(zip(expected, w0, (a, b) => a - b));
  expect(delta.length).toBe(want.length);
  want.forEach((v, i) => expect(delta[i]).toBeCloseTo(v, 5));
}

export function describeHandComputedSteps(): void {
  describe('LocalTrainer: optimiser steps computed by hand (logistic regression, 3 features, 3 classes)', () => {
    it('one SGD step on a batch of two: Δ = −lr·∇(mean loss)', () => {
      const trainer = new LocalTrainer(spec);
      const result = trainer.train(flatten(w0), data, all, { lr: 0.5, batchSize: 2, epochs: 1 }, new Rng(1));
      const g = logregGradient(w0, rows, labels);
      expectDelta(result.delta, axpy(w0, -0.5, g));
      expect(result.steps).toBe(1);
      expect(result.numExamples).toBe(2);
      expect(result.trainLoss).toBeCloseTo(g.loss, 5);
    });

    it('FedProx adds μ(w − w_global) to the gradient from the second step on', () => {
      const [lr, mu] = [0.5, 2];
      const trainer = new LocalTrainer(spec);
      const result = trainer.train(
        flatten(w0),
        data,
        first,
        { lr, proximalMu: mu, batchSize: 1, epochs: 2 },
        new Rng(1),
      );
      const w1 = axpy(w0, -lr, logregGradient(w0, [rows[0]], [labels[0]]));
      const prox = zip(w1, w0, (a, b) => mu * (a - b));
      const g1 = zip(logregGradient(w1, [rows[0]], [labels[0]]), prox, (a, b) => a + b);
      expectDelta(result.delta, axpy(w1, -lr, g1));
    });

    it('SGD with momentum: v ← m·v + g, w ← w − lr·v', () => {
      const [lr, m] = [0.5, 0.9];
      const trainer = new LocalTrainer(spec);
      const result = trainer.train(flatten(w0), data, first, { lr, momentum: m, batchSize: 1, epochs: 2 }, new Rng(1));
      const v1 = logregGradient(w0, [rows[0]], [labels[0]]);
      const w1 = axpy(w0, -lr, v1);
      const v2 = zip(v1, logregGradient(w1, [rows[0]], [labels[0]]), (a, b) => m * a + b);
      expectDelta(result.delta, axpy(w1, -lr, v2));
    });

    it('Adam with tf defaults (β1 0.9, β2 0.999, ε 1e-7), bias-corrected', () => {
      const lr = 0.1;
      const trainer = new LocalTrainer(spec, { optimizer: 'adam' });
      const result = trainer.train(flatten(w0), data, first, { lr, batchSize: 1, epochs: 2 }, new Rng(1));
      const step = (w: Logreg, m: Logreg, v: Logreg, t: number) => {
        const ups = zip(
          zip(m, v, (mi, vi) => mi / (1 - 0.9 ** t) / (Math.sqrt(vi / (1 - 0.999 ** t)) + 1e-7)),
          w,
          (u) => u,
        );
        return axpy(w, -lr, ups);
      };
      const g0 = logregGradient(w0, [rows[0]], [labels[0]]);
      const m1 = zip(g0, g0, (g) => 0.1 * g);
      const v1 = zip(g0, g0, (g) => 0.001 * g * g);
      const w1 = step(w0, m1, v1, 1);
      const g1 = logregGradient(w1, [rows[0]], [labels[0]]);
      const m2 = zip(m1, g1, (m, g) => 0.9 * m + 0.1 * g);
      const v2 = zip(v1, g1, (v, g) => 0.999 * v + 0.001 * g * g);
      expectDelta(result.delta, step(w1, m2, v2, 2));
    });

    it('evaluates mean cross-entropy and accuracy', () => {
      const trainer = new LocalTrainer(spec);
      const { loss, accuracy } = trainer.evaluate(flatten(w0), data);
      expect(loss).toBeCloseTo(logregGradient(w0, rows, labels).loss, 5);
      // Row 0 logits [0.8, 0.55, 0.25] (label 0: hit); row 1 [−0.6, 0.25, 0.35] (label 1: miss).
      expect(accuracy).toBe(0.5);
    });
  });
}
