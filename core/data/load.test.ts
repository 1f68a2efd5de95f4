import { describe, expect, it } from 'vitest';
import { nodeAssetLoader } from '../../workers/assets-node';
import { parseConfig } from '../config/schema';
import { Rng } from '../rng';
import { loadData } from './load';
import { stratifiedSplit } from './split';
import type { Dataset } from './types';

/** Byte equality without vitest's element-wise diffing, which is slow on millions of floats. */
const bytesOf = (a: Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
const sameValues = (a: Float32Array, b: Float32Array) => Buffer.compare(bytesOf(a), bytesOf(b)) === 0;

const countClasses = (data: Dataset) => {
  const counts = new Array(data.numClasses).fill(0);
  for (const label of data.y) counts[label]++;
  return counts;
};

describe('stratifiedSplit', () => {
  it('takes round(N·f) test examples shared among classes by size, and uses every index once', () => {
    // Classes of size 6, 3 and 1 (N = 10); f = 0.3 ⇒ 3 test: quotas 1.8, 0.9, 0.3 ⇒ 1, 0, 0 + remainders to
    // class 1 (0.9) then class 0 (0.8) ⇒ test per class 2, 1, 0.
    const labels = Int32Array.from([0, 0, 0, 0, 0, 0, 1, 1, 1, 2]);
    const { train, test } = stratifiedSplit(labels, 3, 0.3, new Rng(1));
    expect(test.length).toBe(3);
    expect([...train, ...test].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect([...test].map((i) => labels[i]).sort()).toEqual([0, 0, 1]);
  });

  it('rejects a fraction that leaves a side empty', () => {
    expect(() => stratifiedSplit(Int32Array.from([0, 1, 0]), 2, 0.1, new Rng(1))).toThrow(/data.testFraction/);
  });
});

describe('loadData', () => {
  it('splits MNIST 8,000 / 2,000, stratified, seeded, shuffled', async () => {
    const config = parseConfig({});
    const { train, test } = await loadData(config, nodeAssetLoader);
    expect(train.numExamples).toBe(8_000);
    expect(test.numExamples).toBe(2_000);
    expect(train.x.length).toBe(8_000 * 784);
    const trainCounts = countClasses(train);
    const testCounts = countClasses(test);
    trainCounts.forEach((n, c) => expect(Math.abs(testCounts[c] - 0.2 * (n + testCounts[c]))).toBeLessThanOrEqual(1));
    expect(trainCounts.reduce((a, b) => a + b) + testCounts.reduce((a, b) => a + b)).toBe(10_000);
    // Not left sorted by class (the file is): the first 100 test labels span many classes.
    expect(new Set(test.y.subarray(0, 100)).size).toBe(10);

    const again = await loadData(config, nodeAssetLoader);
    expect(again.test.y).toEqual(test.y);
    expect(sameValues(again.test.x, test.x)).toBe(true);
    expect(sameValues(again.train.x, train.x)).toBe(true);
    const otherSeed = await loadData(parseConfig({ seed: 7 }), nodeAssetLoader);
    expect(otherSeed.test.y).not.toEqual(test.y);
  });

  it('generates a 2-D set from the data stream and splits it', async () => {
    const config = parseConfig({ data: { dataset: 'spiral', numSamples: 600, numClasses: 4, testFraction: 0.25 } });
    const { train, test } = await loadData(config, () => Promise.reject(new Error('2-D sets need no assets')));
    expect(train.numExamples).toBe(450);
    expect(test.numExamples).toBe(150);
    expect(countClasses(test)).toEqual([38, 38, 37, 37]);
    expect(countClasses(train)).toEqual([112, 112, 113, 113]);
    const again = await loadData(config, nodeAssetLoader);
    expect(again.train.x).toEqual(train.x);
  });

  it('tells the user to run npm install when mnist.bin cannot be read', async () => {
    const missing = () => Promise.reject(new Error("ENOENT: no such file or directory, open 'public/data/mnist.bin'"));
    await expect(loadData(parseConfig({}), missing)).rejects.toThrow(
      /could not load public\/data\/mnist\.bin \(ENOENT.*\): run `npm install`/,
    );
  });
});
