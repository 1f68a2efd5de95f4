import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, type ExperimentConfig, type ExperimentConfigInput } from '../config/schema';
import { Rng, rngFor } from '../rng';
import { dirichlet } from './dirichlet';
import { partitionData } from './partition';
import { quantitySkewWeights } from './quantitySkew';
import type { Partition } from './types';

type PartitionInput = NonNullable<ExperimentConfigInput['partition']>;

/** 8,000 labels, 800 of each of 10 classes, in a scrambled order. */
const LABELS = new Rng(99).shuffle(Int32Array.from({ length: 8_000 }, (_, i) => i % 10));

const configFor = (partition: PartitionInput, seed = 42): ExperimentConfig => parseConfig({ seed, partition });
const run = (partition: PartitionInput, seed = 42, labels = LABELS, numClasses = 10): Partition =>
  partitionData(configFor(partition, seed), labels, numClasses);

function expectValid(p: Partition, numClients: number, labels = LABELS) {
  expect(p.clients).toHaveLength(numClients);
  const seen = new Uint8Array(labels.length);
  for (const indices of p.clients) {
    for (let i = 0; i < indices.length; i++) {
      expect(seen[indices[i]]).toBe(0); // no index twice
      seen[indices[i]] = 1;
      if (i > 0) expect(indices[i]).toBeGreaterThan(indices[i - 1]); // ascending
    }
  }
  expect(seen.every((s) => s === 1)).toBe(true); // sizes sum to the train set
  expect(p.stats.sizes).toEqual(p.clients.map((c) => c.length));
  p.stats.counts.forEach((row, k) => expect(row.reduce((a, b) => a + b)).toBe(p.stats.sizes[k]));
}

/** An Rng that counts its Dirichlet draws, to see how often the Dirichlet partitioner resampled. */
function countingRng(rng: Rng): Rng & { dirichletDraws: number } {
  const counted = Object.assign(rng, { dirichletDraws: 0 });
  const draw = rng.dirichlet.bind(rng);
  counted.dirichlet = (alpha, k) => (counted.dirichletDraws++, draw(alpha, k));
  return counted;
}

const classesHeld = (p: Partition) => p.stats.counts.map((row) => row.filter((n) => n > 0).length);

describe.each<PartitionInput>([
  { method: 'iid' },
  { method: 'dirichlet', alpha: 0.5 },
  { method: 'pathological', classesPerClient: 2 },
  { method: 'shard', shardsPerClient: 2 },
])('partitioner $method', (options) => {
  it.each([0, 1.5])('uses every train index exactly once (quantity skew %s)', (quantitySkew) => {
    const minPartitionSize = quantitySkew > 0 ? 0 : 10;
    expectValid(run({ ...options, numClients: 100, quantitySkew, minPartitionSize }), 100);
  });

  it('is reproducible for a seed and differs across seeds', () => {
    const a = run({ ...options, numClients: 30 });
    const b = run({ ...options, numClients: 30 });
    const c = run({ ...options, numClients: 30 }, 43);
    expect(a.clients).toEqual(b.clients);
    expect(c.clients).not.toEqual(a.clients);
  });

  it('rejects more clients than examples, naming partition.numClients', () => {
    const labels = Int32Array.from({ length: 50 }, (_, i) => i % 2);
    expect(() => run({ ...options, numClients: 51 }, 42, labels, 2)).toThrow(
      /partition\.numClients: 51 clients but only 50 training examples: lower partition\.numClients$/,
    );
  });
});

describe('IID', () => {
  it('gives equal sizes and a small mean Hellinger', () => {
    const p = run({ method: 'iid', numClients: 100 });
    expect(new Set(p.stats.sizes)).toEqual(new Set([80]));
    expect(p.stats.meanHellinger).toBeLessThan(0.15); // sampling noise alone: ≈ sqrt(9 / (8·80)) ≈ 0.12
  });
});

describe('Dirichlet', () => {
  it('approaches IID as α → ∞', () => {
    expect(run({ method: 'dirichlet', alpha: 1000, numClients: 100 }).stats.meanHellinger).toBeLessThan(0.05);
  });

  it('gives strong label skew for small α', () => {
    const p = run({ method: 'dirichlet', alpha: 0.05, numClients: 20, minPartitionSize: 0 });
    expect(p.stats.meanHellinger).toBeGreaterThan(0.6);
    expect(run({ method: 'dirichlet', alpha: 0.5, numClients: 20 }).stats.meanHellinger).toBeLessThan(
      p.stats.meanHellinger,
    );
  });

  it('resamples until every client has minPartitionSize examples', () => {
    const options = configFor({ method: 'dirichlet', alpha: 0.5, numClients: 50, minPartitionSize: 50 }).partition;
    const rng = countingRng(rngFor(42, 'partition'));
    const split = dirichlet.create(options);
    const clients = split({ labels: LABELS, numClasses: 10, weights: quantitySkewWeights(50, 0), quantitySkew: 0, rng });
    expect(rng.dirichletDraws).toBeGreaterThan(10); // the first draw left a client short (this seed needs 2 tries)
    expect(Math.min(...clients.map((c) => c.length))).toBeGreaterThanOrEqual(50);
    expect(clients.reduce((n, c) => n + c.length, 0)).toBe(8_000);
  });

  it('gives up after 10 tries, naming α and the minimum size', () => {
    expect(() => run({ method: 'dirichlet', alpha: 0.001, numClients: 20, minPartitionSize: 10 })).toThrow(
      /partition\.alpha: Dirichlet\(α=0\.001\) left some client below minPartitionSize=10 examples in 10 tries: raise partition\.alpha/,
    );
    const options = configFor({ method: 'dirichlet', alpha: 0.001, numClients: 20 }).partition;
    const rng = countingRng(new Rng(1));
    expect(() =>
      dirichlet.create(options)({ labels: LABELS, numClasses: 10, weights: quantitySkewWeights(20, 0), quantitySkew: 0, rng }),
    ).toThrow(ConfigError);
    expect(rng.dirichletDraws).toBe(10 * 10); // 10 tries × one draw per class
  });

  it('rejects a minimum size no split can meet, naming the field and the fix', () => {
    // 100 × 80 = 8,000 examples passes the size check (then the draws decide: some client falls short); 8,100 does not.
    expect(() => run({ method: 'dirichlet', numClients: 100, minPartitionSize: 80 })).toThrow(/^partition\.alpha: /);
    expect(() => run({ method: 'dirichlet', numClients: 100, minPartitionSize: 81 })).toThrow(
      /partition\.minPartitionSize: 100 clients × 81 examples exceeds the 8000 training examples: lower partition\.minPartitionSize/,
    );
    expect(() => run({ method: 'dirichlet', numClients: 100, quantitySkew: 1, minPartitionSize: 10 })).toThrow(
      /partition\.quantitySkew: quantity skew 1 leaves the smallest of 100 clients about 1\.6 of 8000 examples/,
    );
  });
});

describe('pathological', () => {
  it.each([1, 2, 3, 10])('gives every client exactly %i classes and every class a holder', (k) => {
    const p = run({ method: 'pathological', classesPerClient: k, numClients: 40 });
    expect(new Set(classesHeld(p))).toEqual(new Set([k]));
    expectValid(p, 40);
  });

  it('with one class each and as many clients as classes, every client holds a different class', () => {
    const p = run({ method: 'pathological', classesPerClient: 1, numClients: 10 });
    expect(new Set(p.stats.counts.map((row) => row.findIndex((n) => n > 0))).size).toBe(10);
    expect(new Set(p.stats.sizes)).toEqual(new Set([800]));
    // One class of ten uniform ones: sqrt(1 − √0.1) = 0.82690.
    expect(p.stats.meanHellinger).toBeCloseTo(0.8269, 4);
  });

  it('rejects impossible requests, naming partition.classesPerClient', () => {
    const twoClasses = Int32Array.from({ length: 100 }, (_, i) => i % 2);
    expect(() => run({ method: 'pathological', classesPerClient: 3 }, 42, twoClasses, 2)).toThrow(
      /partition\.classesPerClient: 3 classes per client but the training data has 2 classes: lower partition\.classesPerClient to ≤ 2/,
    );
    expect(() => run({ method: 'pathological', classesPerClient: 2, numClients: 4 })).toThrow(
      /partition\.classesPerClient: 4 clients × 2 classes cannot cover all 10 classes/,
    );
    expect(() => run({ method: 'pathological', classesPerClient: 2, numClients: 60 }, 42, twoClasses, 2)).toThrow(
      /partition\.classesPerClient: class \d has 50 training examples but 60 clients hold it/,
    );
  });
});

describe('shard', () => {
  it('deals shardsPerClient label-sorted shards to each client', () => {
    // 100 clients × 2 shards = 200 shards of 40; each class (800) fills exactly 20 shards.
    const p = run({ method: 'shard', shardsPerClient: 2, numClients: 100 });
    expect(new Set(p.stats.sizes)).toEqual(new Set([80]));
    for (const row of p.stats.counts) {
      expect(row.filter((n) => n > 0).length).toBeLessThanOrEqual(2);
      for (const n of row) expect(n % 40).toBe(0);
    }
    expect(p.stats.meanHellinger).toBeGreaterThan(0.6);
  });

  it('spreads a remainder over the first shards so no example is dropped', () => {
    // 8,000 examples into 3 × 7 = 21 shards: 20 shards of 381 and one of 380.
    const p = run({ method: 'shard', shardsPerClient: 7, numClients: 3 });
    expectValid(p, 3);
    for (const size of p.stats.sizes) expect(size === 7 * 381 || size === 6 * 381 + 380).toBe(true);
  });

  it('rejects more shards than examples, naming partition.shardsPerClient and the fix', () => {
    const labels = Int32Array.from({ length: 100 }, (_, i) => i % 2);
    // 50 × 2 = 100 shards of one example each fit; 40 × 3 = 120 do not.
    expectValid(run({ method: 'shard', shardsPerClient: 2, numClients: 50 }, 42, labels, 2), 50, labels);
    expect(() => run({ method: 'shard', shardsPerClient: 3, numClients: 40 }, 42, labels, 2)).toThrow(
      /partition\.shardsPerClient: 40 clients × 3 shards = 120 shards is more than the 100 training examples: lower partition\.shardsPerClient or partition\.numClients$/,
    );
  });
});

describe('quantity skew', () => {
  it('gives power-law weights (k + 1)^exponent, equal for 0', () => {
    expect(Array.from(quantitySkewWeights(4, 0))).toEqual([1, 1, 1, 1]);
    expect(Array.from(quantitySkewWeights(4, 2))).toEqual([1, 4, 9, 16]);
  });

  it('sets IID client sizes by the weights (hand-computed)', () => {
    // 100 examples by 1:2:3:4 with at least one each ⇒ 11, 20, 30, 39 (see apportion.test.ts).
    const labels = Int32Array.from({ length: 100 }, (_, i) => i % 10);
    const p = run({ method: 'iid', numClients: 4, quantitySkew: 1 }, 42, labels);
    expect(p.stats.sizes).toEqual([11, 20, 30, 39]);
  });

  it('re-deals shards in proportion to the weights, at least one each (hand-computed)', () => {
    // 20 shards of 400 by weights 1..10, min 1 ⇒ 1 1 2 2 2 2 2 2 3 3 shards.
    const p = run({ method: 'shard', numClients: 10, shardsPerClient: 2, quantitySkew: 1 });
    expect(p.stats.sizes).toEqual([1, 1, 2, 2, 2, 2, 2, 2, 3, 3].map((s) => s * 400));
  });

  it('combines with Dirichlet: sizes follow the weights while labels stay IID-like for large α', () => {
    const p = run({ method: 'dirichlet', alpha: 1000, numClients: 10, quantitySkew: 1 });
    p.stats.sizes.forEach((size, k) => expect(Math.abs(size / 8_000 - (k + 1) / 55)).toBeLessThan(0.01));
    expect(p.stats.meanHellinger).toBeLessThan(0.05);
  });

  it('combines with Dirichlet label skew for small α', () => {
    const p = run({ method: 'dirichlet', alpha: 0.1, numClients: 10, quantitySkew: 2, minPartitionSize: 0 });
    expect(p.stats.meanHellinger).toBeGreaterThan(0.5);
    expect(p.stats.sizes[9]).toBeGreaterThan(5 * p.stats.sizes[0]);
  });

  it('combines with pathological classes: exactly k classes, sizes grow with the weight', () => {
    const p = run({ method: 'pathological', classesPerClient: 2, numClients: 20, quantitySkew: 2 });
    expect(new Set(classesHeld(p))).toEqual(new Set([2]));
    const firstHalf = p.stats.sizes.slice(0, 10).reduce((a, b) => a + b);
    expect(p.stats.sizes.slice(10).reduce((a, b) => a + b)).toBeGreaterThan(3 * firstHalf);
  });
});
