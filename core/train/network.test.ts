import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../data/types';
import { initParams } from '../model/init';
import type { ModelSpec } from '../model/types';
import { Rng } from '../rng';
import { initBackend } from '../tf/backend';
import { KernelRunner } from '../tf/kernelRunner';
import { LocalTrainer } from './localTrainer';
import { Network } from './network';
import { softmaxCrossEntropy } from './softmaxCrossEntropy';

beforeAll(async () => {
  await initBackend({ preferred: 'wasm' });
});

function randomData(spec: ModelSpec, n: number, seed: number): Dataset {
  const rng = new Rng(seed, 'data');
  const featureSize = spec.inputShape.reduce((a, b) => a * b, 1);
  const x = Float32Array.from({ length: n * featureSize }, () => rng.normal());
  const y = Int32Array.from({ length: n }, () => rng.int(spec.numClasses));
  return { name: 'mnist', x, y, numExamples: n, inputShape: spec.inputShape, featureSize, numClasses: spec.numClasses };
}

// The explicit backward passes (dense, conv, max-pool, softmax cross-entropy) against finite differences of the
// loss: one full-batch SGD step with lr 1 gives Δ = −∇L. A probe may straddle a ReLU or max-pool kink, where only
// the one-sided difference on the smooth side is the derivative, so the closest of the three differences counts.
describe('Network gradients match finite differences', () => {
  const specs: [string, ModelSpec][] = [
    ['MLP', { kind: 'mlp', inputShape: [5], numClasses: 3, hidden: [7, 6] }],
    ['CNN', { kind: 'cnn', inputShape: [9, 8, 2], numClasses: 3, hidden: [] }],
  ];
  it.each(specs)('%s', (_name, spec) => {
    const n = 6;
    const data = randomData(spec, n, 1);
    const all = Int32Array.from({ length: n }, (_, i) => i);
    const trainer = new LocalTrainer(spec);
    const w = initParams(spec, new Rng(1, 'init'));
    const { delta } = trainer.train(w, data, all, { lr: 1, batchSize: n }, new Rng(1));
    const loss = (params: Float32Array) => trainer.evaluate(params, data).loss;
    const rng = new Rng(2, 'probe');
    const eps = 1e-3;
    const base = loss(w);
    for (let k = 0; k < 40; k++) {
      const i = rng.int(w.length);
      const plus = w.slice();
      const minus = w.slice();
      plus[i] += eps;
      minus[i] -= eps;
      const [up, down] = [loss(plus), loss(minus)];
      const differences = [(up - down) / (2 * eps), (up - base) / eps, (base - down) / eps];
      const error = Math.min(...differences.map((d) => Math.abs(d + delta[i])));
      expect(error).toBeLessThan(5e-4);
    }
  });
});

// DP-SGD's batched clipping: every example's gradient norm from one pass over the batch, against the norm of the
// gradient a plain step on that example alone computes (lr 1, batch 1: Δ = −gᵢ).
describe('Network per-example gradient norms from one batched pass', () => {
  const specs: [string, ModelSpec][] = [
    ['logreg', { kind: 'logreg', inputShape: [4, 3, 1], numClasses: 5, hidden: [] }],
    ['MLP', { kind: 'mlp', inputShape: [5], numClasses: 3, hidden: [7, 6] }],
  ];
  it.each(specs)('%s', (_name, spec) => {
    const n = 6;
    const data = randomData(spec, n, 3);
    const w = initParams(spec, new Rng(3, 'init'));
    const trainer = new LocalTrainer(spec);
    const reference = Array.from({ length: n }, (_, i) => {
      const { delta } = trainer.train(w, data, Int32Array.of(i), { lr: 1, batchSize: 1 }, new Rng(1));
      return delta.reduce((s, v) => s + v * v, 0);
    });
    const runner = KernelRunner.current();
    const buffers = runner.liveBuffers();
    const network = new Network(spec, runner);
    expect(network.batchedNorms).toBe(true);
    const params = network.upload(w);
    const input = runner.upload(data.x, [n, ...spec.inputShape]);
    const trace = network.forwardTrace(input, params);
    const logits = trace.outputs[trace.outputs.length - 1];
    const dLogits = new Float32Array(n * spec.numClasses);
    softmaxCrossEntropy(runner.view(logits), data.y, n, spec.numClasses, dLogits, n); // row i: ∂ℓᵢ/∂logitsᵢ
    const norms = network.perExampleSquaredNorms(trace, runner.upload(dLogits, logits.shape), params);
    for (const g of network.backward(trace, runner.upload(dLogits, logits.shape), params)) runner.free(g);
    for (const t of [input, ...params]) runner.free(t);
    expect(runner.liveBuffers()).toBe(buffers);
    reference.forEach((sq, i) => expect(Math.abs(norms[i] / sq - 1)).toBeLessThan(1e-5));
  });

  it('is refused for networks with other layers', () => {
    const spec: ModelSpec = { kind: 'cnn', inputShape: [9, 8, 2], numClasses: 3, hidden: [] };
    const network = new Network(spec, KernelRunner.current());
    expect(network.batchedNorms).toBe(false);
    const trace = { input: { dataId: {}, shape: [1], dtype: 'float32' as const }, outputs: [] };
    expect(() => network.perExampleSquaredNorms(trace, trace.input, [])).toThrow(/need a network of dense layers/);
  });
});
