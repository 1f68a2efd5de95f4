import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { nearestNeighbourMixing } from './nnm';
import { aggregatorFor, runOnce, updatesOf } from './testing';

describe('NNM pre-aggregation', () => {
  it('replaces each update by the mean of its n − f nearest, itself included', () => {
    // 1-D 0, 1, 3, 10 with f = 1 (3 nearest): 0 → {0,1,3}; 1 → {1,0,3}; 3 → {3,1,0}; 10 → {10,3,1}
    const mixed = nearestNeighbourMixing(updatesOf([[0], [1], [3], [10]]), 1);
    expect(mixed.map((u) => u.delta[0])).toEqual([4 / 3, 4 / 3, 4 / 3, 14 / 3].map(Math.fround));
    expect(mixed.map((u) => u.clientId)).toEqual([0, 1, 2, 3]);
  });

  it('then mean: (3·4/3 + 14/3)/4 = 13/6 instead of the plain mean 3.5', () => {
    const agg = aggregatorFor({ name: 'mean', nnm: true, f: 1 });
    expect(agg.name).toBe('nnm+mean');
    expect(runOnce(agg, updatesOf([[0], [1], [3], [10]])).out[0]).toBeCloseTo(13 / 6, 6);
  });

  it('keeps a duplicate update as its own neighbour; other ties go to the lowest client id', () => {
    // 5, 5, 0 with f = 1 (2 nearest): 5 → {5,5}; 5 → {5,5}; 0 → {0, first 5} = 2.5
    const mixed = nearestNeighbourMixing(updatesOf([[5], [5], [0]]), 1);
    expect(mixed.map((u) => u.delta[0])).toEqual([5, 5, 2.5]);
  });

  it('matches a direct mean over the nearest rows when d spans several chunks', () => {
    const rng = new Rng(9, 'test');
    const dim = 1_300;
    const rows = Array.from({ length: 6 }, () => Array.from({ length: dim }, () => rng.normal()));
    const sq = (a: number[], b: number[]) => a.reduce((s, x, k) => s + (x - b[k]) ** 2, 0);
    const mixed = nearestNeighbourMixing(updatesOf(rows), 2);
    rows.forEach((row, i) => {
      const nearest = rows
        .map((other, j) => ({ j, d: j === i ? -1 : sq(row, other) }))
        .sort((a, b) => a.d - b.d)
        .slice(0, 4);
      for (const k of [0, 511, 512, 1_299]) {
        const expected = nearest.reduce((s, { j }) => s + rows[j][k], 0) / 4;
        expect(mixed[i].delta[k]).toBeCloseTo(expected, 5);
      }
    });
  });

  it('needs n > f', () => {
    expect(() => nearestNeighbourMixing(updatesOf([[0], [1]]), 2)).toThrow('needs n > f, got n = 2 with f = 2');
  });
});
