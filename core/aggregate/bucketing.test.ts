import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/schema';
import { Rng, rngFor } from '../rng';
import { bucketUpdates } from './bucketing';
import { aggregatorFor, runOnce, updatesOf } from './testing';

const five = () => updatesOf([[0], [1], [2], [3], [10]]);
const reverse = (rows: number[]) => void rows.reverse();

describe('Bucketing pre-aggregation', () => {
  it('averages consecutive buckets of s of the shuffled updates, each under its lowest client id', () => {
    // Shuffled order (here reversed) 4 3 2 1 0, s = 2: {4, 3} → (10 + 3)/2 = 6.5, {2, 1} → 1.5, {0} → 0 (the n mod s
    // left over); out sorted by lowest member id: 0, 1, 3
    const buckets = bucketUpdates(five(), 2, reverse);
    expect(buckets.map((b) => [b.clientId, b.delta[0], b.weight, b.members])).toEqual([
      [0, 0, 1, [0]],
      [1, 1.5, 2, [1, 2]],
      [3, 6.5, 2, [3, 4]],
    ]);
  });

  it('s = 1 leaves the updates as they are, s ≥ n gives their mean', () => {
    const shuffle = (rows: number[]) => void new Rng(1, 'test').shuffle(rows);
    expect(bucketUpdates(five(), 1, shuffle).map((b) => [b.clientId, b.delta[0]])).toEqual([[0, 0], [1, 1], [2, 2], [3, 3], [4, 10]]);
    // (0 + 1 + 2 + 3 + 10)/5 = 3.2
    expect(bucketUpdates(five(), 9, shuffle).map((b) => [b.clientId, b.delta[0], b.members])).toEqual([
      [0, Math.fround(3.2), [0, 1, 2, 3, 4]],
    ]);
  });

  it('shuffles with rngFor(seed, "bucketing", round): the aggregator sees exactly those buckets', () => {
    // Bucket weights are member counts here, so bucketing + the (example-weighted) mean is the plain mean, 3.2
    const agg = aggregatorFor({ name: 'mean', bucketing: true }, 7);
    expect(agg.name).toBe('bucketing+mean');
    expect(runOnce(agg, five(), 3).out[0]).toBeCloseTo(3.2, 6);
    // With the median the buckets matter: it is the median of the buckets drawn for seed 7, round 3
    const rng = rngFor(7, 'bucketing', 3);
    const means = bucketUpdates(five(), 2, (rows) => rng.shuffle(rows)).map((b) => b.delta[0]);
    const sorted = [...means].sort((a, b) => a - b);
    expect(runOnce(aggregatorFor({ name: 'median', bucketing: true }, 7), five(), 3).out).toEqual([sorted[1]]);
  });

  it('draws new buckets every round, the same for the same seed and round', () => {
    const members = (seed: number, round: number) => {
      const rng = rngFor(seed, 'bucketing', round);
      const updates = updatesOf(Array.from({ length: 10 }, (_, i) => [i]));
      return bucketUpdates(updates, 2, (rows) => rng.shuffle(rows)).map((b) => b.members.join('+')).join(' ');
    };
    expect(members(1, 1)).toBe(members(1, 1));
    const rounds = new Set([1, 2, 3, 4, 5].map((round) => members(1, round)));
    expect(rounds.size).toBeGreaterThan(1);
  });

  it("passes the inner rule's decision about a bucket to each member, splitting a weight", () => {
    const updates = updatesOf(Array.from({ length: 10 }, (_, i) => [i, i % 3]));
    const krum = runOnce(aggregatorFor({ name: 'krum', bucketing: true, f: 1 }), updates);
    expect([...krum.decisions.keys()].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // Krum picks one of the 5 buckets: its 2 members are selected
    expect([...krum.decisions.values()].filter((d) => d.selected).length).toBe(2);
    const gm = runOnce(aggregatorFor({ name: 'geometric-median', bucketing: true }), updates);
    const total = [...gm.decisions.values()].reduce((s, d) => s + (d.weight ?? NaN), 0);
    expect(gm.decisions.size).toBe(10);
    expect(total).toBeCloseTo(1, 12);
  });

  it('gives bitwise the same result for any arrival order', () => {
    const rng = new Rng(4, 'test');
    const updates = updatesOf(Array.from({ length: 9 }, () => [rng.normal(), rng.normal(), rng.normal()]));
    const shuffled = new Rng(5, 'test').shuffle([...updates]);
    const agg = () => aggregatorFor({ name: 'trimmed-mean', bucketing: true, trimCount: 1 });
    expect(runOnce(agg(), shuffled).out).toEqual(runOnce(agg(), updates).out);
  });

  it('then the median: one huge outlier spoils one bucket of five, not the result', () => {
    // 8 updates near 1 and one at 1e6, s = 2: 5 buckets, one holds the outlier (mean ≥ 5e5); the median of the five
    // bucket means is a mean of two honest updates, within [0.9, 1.1]
    const rows = [[1], [1.1], [0.9], [1.05], [0.95], [1.02], [0.98], [1.01], [1e6]];
    const { out } = runOnce(aggregatorFor({ name: 'median', bucketing: true, f: 1 }), updatesOf(rows));
    expect(out[0]).toBeGreaterThanOrEqual(0.9);
    expect(out[0]).toBeLessThanOrEqual(1.1);
  });

  it("says when the buckets are too few for the inner rule, naming the bucket count its n refers to", () => {
    // 6 updates, s = 2 → 3 buckets; Krum with f = 1 needs more than 4
    expect(() => runOnce(aggregatorFor({ name: 'krum', bucketing: true, f: 1 }), updatesOf([[0], [1], [2], [3], [4], [5]]))).toThrow(
      'after bucketing 6 updates into 3 buckets of s = 2: krum needs n > 2f + 2 = 4 updates, got n = 3 with f = 1',
    );
  });

  it('needs ⌈n/s⌉ ≥ 2f + 1 buckets, checked before the run', () => {
    // The default experiment samples 10 of 20; s = 2, f = 3 needs n ≥ 2·3·2 + 1 = 13 (0.65 · 20 = 13); f = 2 needs 9
    expect(() => parseConfig({ aggregator: { name: 'median', bucketing: true, f: 3 } })).toThrow(
      'aggregator.bucketing: bucketing by s = 2 leaves ⌈n/s⌉ buckets, up to f = 3 of them holding a Byzantine update: ' +
        'to stay a minority they need ⌈n/s⌉ ≥ 2f + 1, i.e. n ≥ 2fs + 1 = 13 updates per round, but this experiment ' +
        'samples 10 of 20 clients — raise sampling.fraction to ≥ 0.65, lower aggregator.f to ≤ 2 or ' +
        'aggregator.bucketSize to ≤ 1',
    );
    expect(() => parseConfig({ aggregator: { name: 'median', bucketing: true, f: 2 } })).not.toThrow();
    expect(() => parseConfig({ aggregator: { name: 'median', bucketing: true, f: 3, bucketSize: 1 } })).not.toThrow();
  });
});
