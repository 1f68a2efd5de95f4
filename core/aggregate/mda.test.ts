import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { binomial, minimumDiameterSubset } from './mda';
import { pairwiseSquaredDistances } from '../math/pairwise';
import { aggregatorFor, runOnce, updatesOf } from './testing';

const mda = (f: number) => aggregatorFor({ name: 'mda', f });

describe('MDA (minimum-diameter averaging)', () => {
  it('averages the n − f updates of the smallest diameter', () => {
    // 0 1 3 10, f = 1: subsets of 3 and diameters {0,1,3} 3, {0,1,10} 10, {0,3,10} 10, {1,3,10} 9 → {0,1,3} → 4/3
    const { out, decisions } = runOnce(mda(1), updatesOf([[0], [1], [3], [10]]));
    expect(out).toEqual([Math.fround(4 / 3)]);
    expect([0, 1, 2, 3].map((id) => decisions.get(id))).toEqual([
      { selected: true },
      { selected: true },
      { selected: true },
      { selected: false },
    ]);
  });

  it('breaks a tie in diameter by the first subset in client-id order', () => {
    // Rectangle A(0,0) B(3,0) C(0,4) D(3,4) and E(20,20), f = 2 (subsets of 3). Squared distances AB 9, AC 16, AD 25,
    // BC 25, BD 16, CD 9: every 3 corners hold a diagonal, diameter² 25; any subset with E is ≥ 17² + 16² away.
    // The four corner triples tie; the first, {A, B, C}, wins → ((0 + 3 + 0)/3, (0 + 0 + 4)/3) = (1, 4/3)
    const rows = [[0, 0], [3, 0], [0, 4], [3, 4], [20, 20]];
    expect(runOnce(mda(2), updatesOf(rows)).out).toEqual([1, Math.fround(4 / 3)]);
    // The same points under other ids: sorted by id they are D, C, B, A, E, so {D, C, B} wins → (2, 8/3)
    expect(runOnce(mda(2), updatesOf(rows, [40, 30, 20, 10, 50])).out).toEqual([2, Math.fround(8 / 3)]);
  });

  it('finds the subset a direct search over the kept rows finds, ties included', () => {
    const rng = new Rng(8, 'test');
    for (let trial = 0; trial < 20; trial++) {
      const n = 9;
      const size = 6;
      // Small integers, so that ties in diameter occur.
      const rows = Array.from({ length: n }, () => [Math.round(rng.normal() * 2), Math.round(rng.normal() * 2)]);
      const dist = pairwiseSquaredDistances(updatesOf(rows).map((u) => u.delta));
      let best = Infinity;
      let bestRows: number[] = [];
      for (let mask = 0; mask < 1 << n; mask++) {
        const subset = Array.from({ length: n }, (_, i) => i).filter((i) => mask & (1 << i));
        if (subset.length !== size) continue;
        let d = 0;
        for (const i of subset) for (const j of subset) d = Math.max(d, dist[i * n + j]);
        // Lexicographically first among equal diameters.
        if (d < best || (d === best && subset.join() < bestRows.join())) {
          best = d;
          bestRows = subset;
        }
      }
      expect(minimumDiameterSubset(dist, n, size)).toEqual({ rows: bestRows, diameter: best });
    }
  });

  it('counts subsets exactly', () => {
    expect([binomial(20, 4), binomial(30, 10), binomial(5, 0), binomial(5, 5), binomial(3, 4)]).toEqual([4845, 30045015, 1, 1, 0]);
  });

  it('refuses a round with more than 10⁶ subsets, naming n, f and the count', () => {
    // C(30, 10) = 30 045 015 subsets of 20
    const updates = updatesOf(Array.from({ length: 30 }, (_, i) => [i]));
    expect(() => runOnce(mda(10), updates)).toThrow(
      'mda would search C(n, f) = C(30, 10) = 30,045,015 subsets of n − f = 20 updates (n = 30, f = 10), more than the ' +
        '1,000,000 it enumerates: lower aggregator.f or sample fewer clients per round',
    );
    // C(30, 3) = 4 060 is fine: the 27 lowest values, 0 … 26 (ties: the first), mean 13
    expect(runOnce(mda(3), updates).out).toEqual([13]);
  });

  it('gives bitwise the same result for any arrival order', () => {
    const rng = new Rng(4, 'test');
    const updates = updatesOf(Array.from({ length: 9 }, () => [rng.normal(), rng.normal(), rng.normal()]));
    const shuffled = new Rng(5, 'test').shuffle([...updates]);
    expect(runOnce(mda(2), shuffled).out).toEqual(runOnce(mda(2), updates).out);
  });

  it('leaves out one huge outlier', () => {
    // Five updates within 0.2 of (1, 1) and one at (1e6, 0), f = 1: every subset with the outlier has diameter ≈ 1e6
    const rows = [[1, 1], [1.1, 1], [0.9, 1], [1, 1.1], [1, 0.9], [1e6, 0]];
    const { out, decisions } = runOnce(mda(1), updatesOf(rows));
    expect(out[0]).toBeCloseTo(1, 6);
    expect(out[1]).toBeCloseTo(1, 6);
    expect(decisions.get(5)).toEqual({ selected: false });
  });

  it('needs n ≥ 2f + 1 and names n and f', () => {
    expect(() => runOnce(mda(1), updatesOf([[0], [1]]))).toThrow('mda needs n ≥ 2f + 1 = 3 updates, got n = 2 with f = 1');
  });
});
