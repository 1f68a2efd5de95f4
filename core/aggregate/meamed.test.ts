import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { meanAroundMedian } from './meamed';
import { aggregatorFor, runOnce, updatesOf } from './testing';

const meamed = (f: number) => aggregatorFor({ name: 'meamed', f });

describe('Meamed (mean around median)', () => {
  it('per coordinate, averages the n − f values closest to the median', () => {
    // n = 5, f = 1: keep 4 per coordinate.
    //  coordinate 0: 0 1 2 10 −7 → median 1, gaps 1 0 1 9 8 → drop 10 (client 3) → (0 + 1 + 2 − 7)/4 = −1
    //  coordinate 1: 5 5 6 4 100 → median 5, gaps 0 0 1 1 95 → drop 100 (client 4) → (5 + 5 + 6 + 4)/4 = 5
    const rows = [[0, 5], [1, 5], [2, 6], [10, 4], [-7, 100]];
    const { out, decisions } = runOnce(meamed(1), updatesOf(rows));
    expect(out).toEqual([-1, 5]);
    expect([0, 1, 2, 3, 4].map((id) => decisions.get(id))).toEqual([
      { trimmedFraction: 0 },
      { trimmedFraction: 0 },
      { trimmedFraction: 0 },
      { trimmedFraction: 0.5 },
      { trimmedFraction: 0.5 },
    ]);
  });

  it('even n: the median is the mean of the two middle values', () => {
    // 0 1 3 100, f = 1: median (1 + 3)/2 = 2, gaps 2 1 1 98 → keep 0, 1, 3 → 4/3
    expect(runOnce(meamed(1), updatesOf([[0], [1], [3], [100]])).out).toEqual([Math.fround(4 / 3)]);
  });

  it('breaks ties at the cut by client id', () => {
    // 0 2 4, f = 1: median 2, gaps 2 0 2 → keep 2 and one of 0 / 4: the lower client id's
    expect(runOnce(meamed(1), updatesOf([[0], [2], [4]])).out).toEqual([1]); // ids 0 1 2: keeps 0 → (0 + 2)/2
    expect(runOnce(meamed(1), updatesOf([[0], [2], [4]], [5, 3, 1])).out).toEqual([3]); // id 1 holds 4 → (4 + 2)/2
  });

  it('f = 0 is the mean', () => {
    expect(runOnce(meamed(0), updatesOf([[1], [2], [6]])).out).toEqual([3]);
  });

  it('matches a sort-based reference across column blocks', () => {
    const rng = new Rng(3, 'test');
    const dim = 300; // past one 256-column block
    const rows = Array.from({ length: 7 }, () => Array.from({ length: dim }, () => Math.round(rng.normal() * 4)));
    const out = meanAroundMedian(updatesOf(rows).map((u) => u.delta), dim, 5);
    for (let k = 0; k < dim; k++) {
      const col = rows.map((r) => r[k]);
      const median = [...col].sort((a, b) => a - b)[3];
      // Stable sort by gap keeps row order among ties, as the rule does.
      const kept = col
        .map((v, i) => ({ v, i }))
        .sort((a, b) => Math.abs(a.v - median) - Math.abs(b.v - median) || a.i - b.i)
        .slice(0, 5);
      expect(out[k], `coordinate ${k}`).toBeCloseTo(kept.reduce((s, x) => s + x.v, 0) / 5, 5);
    }
  });

  it('gives bitwise the same result for any arrival order', () => {
    const rng = new Rng(4, 'test');
    const updates = updatesOf(Array.from({ length: 9 }, () => [rng.normal(), rng.normal(), rng.normal()]));
    const shuffled = new Rng(5, 'test').shuffle([...updates]);
    expect(runOnce(meamed(2), shuffled).out).toEqual(runOnce(meamed(2), updates).out);
  });

  it('ignores one huge outlier', () => {
    // 1 1.1 0.9 1.05 0.95 1e6, f = 1: median 1.025; the outlier is the farthest in its coordinate and dropped,
    // leaving the mean of the five honest values, 1
    const { out, decisions } = runOnce(meamed(1), updatesOf([[1], [1.1], [0.9], [1.05], [0.95], [1e6]]));
    expect(out[0]).toBeCloseTo(1, 6);
    expect(decisions.get(5)).toEqual({ trimmedFraction: 1 });
  });

  it('needs n ≥ 2f + 1 and names n and f', () => {
    expect(() => runOnce(meamed(1), updatesOf([[0], [1]]))).toThrow('meamed needs n ≥ 2f + 1 = 3 updates, got n = 2 with f = 1');
  });
});
