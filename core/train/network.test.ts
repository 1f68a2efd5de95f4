import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../data/types';
import { initParams } from '../model/init';
import type { ModelSpec } from '../model/types';
import { Rng } from '../rng';
import { initBackend } from '../tf/backend';
import { LocalTrainer } from './localTrainer';

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
