import { describe, expect, it } from 'vitest';
import { hellinger, partitionStats } from './stats';

describe('hellinger', () => {
  it('is 0 for equal, 1 for disjoint distributions and matches a hand computation', () => {
    expect(hellinger([0.2, 0.8], [0.2, 0.8])).toBeCloseTo(0, 12);
    expect(hellinger([1, 0, 0], [0, 0.5, 0.5])).toBe(1);
    // sqrt(1 − √(0.5·1)) = sqrt(1 − 0.70711) = 0.54120
    expect(hellinger([0.5, 0.5], [1, 0])).toBeCloseTo(0.5412, 4);
  });
});

describe('partitionStats', () => {
  it('counts, sizes and Hellinger distances on a hand-computed example', () => {
    // Labels 0 0 1 1 2 2 ⇒ global (1/3, 1/3, 1/3). Client A = class 0 only; client B = classes 1, 2 half each.
    // A: sqrt(1 − √(1/3)) = sqrt(0.42265) = 0.65012. B: sqrt(1 − 2√(1/6)) = sqrt(0.18350) = 0.42837.
    const labels = Int32Array.from([0, 0, 1, 1, 2, 2]);
    const stats = partitionStats([Int32Array.from([0, 1]), Int32Array.from([2, 3, 4, 5])], labels, 3);
    expect(stats.counts).toEqual([
      [2, 0, 0],
      [0, 2, 2],
    ]);
    expect(stats.sizes).toEqual([2, 4]);
    expect(stats.hellinger[0]).toBeCloseTo(0.65012, 5);
    expect(stats.hellinger[1]).toBeCloseTo(0.42837, 5);
    expect(stats.meanHellinger).toBeCloseTo((0.65012 + 0.42837) / 2, 5);
  });

  it('gives 0 for clients that mirror the global distribution, and leaves empty clients out of the mean', () => {
    const labels = Int32Array.from([0, 1, 0, 1, 0, 0]);
    const clients = [Int32Array.from([0, 1, 4]), Int32Array.from([2, 3, 5]), new Int32Array(0)];
    const stats = partitionStats(clients, labels, 2);
    expect(stats.hellinger[0]).toBeCloseTo(0, 12);
    expect(stats.hellinger[1]).toBeCloseTo(0, 12);
    expect(stats.hellinger[2]).toBe(0);
    expect(stats.sizes).toEqual([3, 3, 0]);
    expect(stats.meanHellinger).toBeCloseTo(0, 12);
  });
});
