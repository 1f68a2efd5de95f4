import { apportion } from '../partition/apportion';
import type { Rng } from '../rng';

export interface SplitIndices {
  train: Int32Array;
  test: Int32Array;
}

/**
 * Stratified train/test split: round(N·testFraction) test examples, shared among classes in proportion to their
 * sizes, each class's test examples drawn at random. Both index lists come back in random order.
 */
export function stratifiedSplit(labels: Int32Array, numClasses: number, testFraction: number, rng: Rng): SplitIndices {
  const n = labels.length;
  const numTest = Math.round(n * testFraction);
  if (numTest < 1 || numTest >= n) {
    throw new RangeError(`data.testFraction: ${testFraction} of ${n} examples leaves an empty train or test set`);
  }
  const byClass = groupByClass(labels, numClasses);
  const testPerClass = apportion(
    numTest,
    byClass.map((c) => c.length),
  );
  const train = new Int32Array(n - numTest);
  const test = new Int32Array(numTest);
  let trainPos = 0;
  let testPos = 0;
  byClass.forEach((members, c) => {
    rng.shuffle(members);
    test.set(members.subarray(0, testPerClass[c]), testPos);
    train.set(members.subarray(testPerClass[c]), trainPos);
    testPos += testPerClass[c];
    trainPos += members.length - testPerClass[c];
  });
  rng.shuffle(train);
  rng.shuffle(test);
  return { train, test };
}

/** Indices of each class, ascending. */
export function groupByClass(labels: Int32Array, numClasses: number): Int32Array[] {
  const counts = new Int32Array(numClasses);
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (!(label >= 0 && label < numClasses)) {
      throw new RangeError(`label ${label} at index ${i} is outside [0, ${numClasses})`);
    }
    counts[label]++;
  }
  const groups = Array.from(counts, (count) => new Int32Array(count));
  const fill = new Int32Array(numClasses);
  for (let i = 0; i < labels.length; i++) groups[labels[i]][fill[labels[i]]++] = i;
  return groups;
}
