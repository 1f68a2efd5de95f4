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

/** g · min(1, C / (‖g‖ + 1e-6)), the per-example clipping of DP-SGD (Opacus). */
function clip(g: Logreg, clipNorm: number): Logreg {
  const norm = Math.hypot(...g.w.flat(), ...g.b);
  return zip(g, g, (v) => v * Math.min(1, clipNorm / (norm + 1e-6)));
}

function norm(g: Logreg): number {
  return Math.hypot(...g.w.flat(), ...g.b);
}

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

    it('DP-SGD without noise: Δ = −lr · Σᵢ clip(gᵢ) / B with B the configured batch size, loss as before', () => {
      const lr = 0.5;
      const g = rows.map((row, i) => logregGradient(w0, [row], [labels[i]]));
      // C between the two per-example norms (1.91 and 1.87): one example is clipped, the other is not.
      const [n0, n1] = g.map(norm);
      expect(Math.abs(n0 - n1)).toBeGreaterThan(0.01);
      const clipNorm = (n0 + n1) / 2;
      const trainer = new LocalTrainer(spec);
      const dpSgd = { clipNorm, noiseMultiplier: 0, noise: new Rng(2) };
      // Two examples in a batch of (at most) three: the sum is still divided by 3.
      const result = trainer.train(flatten(w0), data, all, { lr, batchSize: 3, dpSgd }, new Rng(1));
      const mean = zip(clip(g[0], clipNorm), clip(g[1], clipNorm), (a, b) => (a + b) / 3);
      expectDelta(result.delta, axpy(w0, -lr, mean));
      expect(result.steps).toBe(1);
      expect(result.trainLoss).toBeCloseTo(logregGradient(w0, rows, labels).loss, 5);
      expect(result.trainAccuracy).toBe(0.5);
    });

    it('DP-SGD with FedProx: μ(w − w_global) joins the privatized gradient, unclipped', () => {
      const [lr, mu, clipNorm] = [0.5, 6, 0.3];
      const trainer = new LocalTrainer(spec);
      const dpSgd = { clipNorm, noiseMultiplier: 0, noise: new Rng(2) };
      const options = { lr, proximalMu: mu, batchSize: 1, epochs: 2, dpSgd };
      const result = trainer.train(flatten(w0), data, first, options, new Rng(1));
      const w1 = axpy(w0, -lr, clip(logregGradient(w0, [rows[0]], [labels[0]]), clipNorm));
      const prox = zip(w1, w0, (a, b) => mu * (a - b));
      const g1 = zip(clip(logregGradient(w1, [rows[0]], [labels[0]]), clipNorm), prox, (a, b) => a + b);
      expect(norm(g1)).toBeGreaterThan(1.5 * clipNorm); // clipping the total would have changed the step
      expectDelta(result.delta, axpy(w1, -lr, g1));
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
