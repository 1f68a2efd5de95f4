import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { aggregatorFor, runOnce, updatesOf } from './testing';

const monna = (f: number) => aggregatorFor({ name: 'monna', f });

describe('MoNNA (mean of the nearest neighbours of a pivot)', () => {
  it('averages the n − f updates nearest to the lowest client id, itself included', () => {
    // 2 0 3 10 1, f = 1, pivot client 0 (value 2): distances 0 2 1 8 1 → the 4 nearest 2, 3, 1, 0 → 6/4 = 1.5
    const { out, decisions } = runOnce(monna(1), updatesOf([[2], [0], [3], [10], [1]]));
    expect(out).toEqual([1.5]);
    expect([0, 1, 2, 3, 4].map((id) => decisions.get(id)?.selected)).toEqual([true, true, true, false, true]);
  });

  it('works on whole updates, not per coordinate', () => {
    // Pivot (0,0); (3,4) is 5 away, (0,6) 6, (6,0) 6, f = 2 of n = 5 → 3 nearest: (0,0), (3,4) and, of the two at 6,
    // the lower client id (0,6) → ((0 + 3 + 0)/3, (0 + 4 + 6)/3) = (1, 10/3)
    const rows = [[0, 0], [3, 4], [0, 6], [6, 0], [50, 50]];
    expect(runOnce(monna(2), updatesOf(rows)).out).toEqual([1, Math.fround(10 / 3)]);
  });

  it('pivots on the lowest client id whatever its position, and follows it', () => {
    // Rows 5 0 6 under ids 7 3 9: the pivot is client 3 (value 0); f = 1 → it and its nearest, 5 → 2.5
    expect(runOnce(monna(1), updatesOf([[5], [0], [6]], [7, 3, 9])).out).toEqual([2.5]);
    // Ties go to the lower client id: pivot 5, neighbours 4 (id 1) and 6 (id 2) both 1 away → (5 + 4)/2
    expect(runOnce(monna(1), updatesOf([[5], [4], [6]])).out).toEqual([4.5]);
  });

  it('gives bitwise the same result for any arrival order', () => {
    const rng = new Rng(4, 'test');
    const updates = updatesOf(Array.from({ length: 9 }, () => [rng.normal(), rng.normal(), rng.normal()]));
    const shuffled = new Rng(5, 'test').shuffle([...updates]);
    expect(runOnce(monna(2), shuffled).out).toEqual(runOnce(monna(2), updates).out);
  });

  it('leaves out one huge outlier when the pivot is honest', () => {
    // Pivot (1, 1) and four others within 0.1 of it; the outlier (1e6, 0) is the farthest, f = 1 drops it
    const rows = [[1, 1], [1.1, 1], [0.9, 1], [1, 1.1], [1, 0.9], [1e6, 0]];
    const { out, decisions } = runOnce(monna(1), updatesOf(rows));
    expect(out[0]).toBeCloseTo(1, 6);
    expect(out[1]).toBeCloseTo(1, 6);
    expect(decisions.get(5)).toEqual({ selected: false });
  });

  it('needs n ≥ 2f + 1 and names n and f', () => {
    expect(() => runOnce(monna(1), updatesOf([[0], [1]]))).toThrow('monna needs n ≥ 2f + 1 = 3 updates, got n = 2 with f = 1');
  });
});
