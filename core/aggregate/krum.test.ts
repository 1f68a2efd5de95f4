import { describe, expect, it } from 'vitest';
import { aggregatorFor, runOnce, updatesOf } from './testing';

// x0..x5 = (0,0) (1,0) (0,1) (1,1) (10,10) (0,2); squared distances:
//        x0   x1   x2   x3   x4   x5
//  x0     0    1    1    2  200    4
//  x1     1    0    2    1  181    5
//  x2     1    2    0    1  181    1
//  x3     2    1    1    0  162    2
//  x4   200  181  181  162    0  164
//  x5     4    5    1    2  164    0
// f = 1 → n − f − 2 = 3 nearest: scores x0 1+1+2=4, x1 1+1+2=4, x2 1+1+1=3, x3 1+1+2=4, x4 162+164+181=507, x5 1+2+4=7
export const KRUM_POINTS = [[0, 0], [1, 0], [0, 1], [1, 1], [10, 10], [0, 2]];

describe('Krum', () => {
  it('returns the update with the lowest score (x2, score 3)', () => {
    const { out, decisions } = runOnce(aggregatorFor({ name: 'krum', f: 1 }), updatesOf(KRUM_POINTS));
    expect(out).toEqual([0, 1]);
    expect([0, 1, 2, 3, 4, 5].map((id) => decisions.get(id)?.selected)).toEqual([false, false, true, false, false, false]);
  });

  it('breaks score ties by the lowest client id', () => {
    // (1,0) (−1,0) (0,1) (0,−1) (5,5), f = 1 → 2 nearest: the four unit points all score 2 + 2 = 4, (5,5) far more.
    // Client ids 4, 2, 8, 6, 0: the tied ones are 2, 4, 6, 8 → client 2 = (−1, 0).
    const updates = updatesOf([[1, 0], [-1, 0], [0, 1], [0, -1], [5, 5]], [4, 2, 8, 6, 0]);
    expect(runOnce(aggregatorFor({ name: 'krum', f: 1 }), updates).out).toEqual([-1, 0]);
  });

  it('needs n > 2f + 2 and says so with n and f', () => {
    const four = updatesOf([[0], [1], [2], [3]]);
    expect(() => runOnce(aggregatorFor({ name: 'krum', f: 1 }), four)).toThrow(
      'krum needs n > 2f + 2 = 4 updates, got n = 4 with f = 1',
    );
    expect(runOnce(aggregatorFor({ name: 'krum', f: 0 }), four).out).toHaveLength(1);
  });
});

describe('Multi-Krum', () => {
  it('default m = n − f = 5: mean of x2, x0, x1, x3, x5 (x4 left out)', () => {
    const { out, decisions } = runOnce(aggregatorFor({ name: 'multi-krum', f: 1 }), updatesOf(KRUM_POINTS));
    // ((0+1+0+1+0)/5, (0+0+1+1+2)/5)
    expect(out[0]).toBeCloseTo(0.4, 6);
    expect(out[1]).toBeCloseTo(0.8, 6);
    expect([0, 1, 2, 3, 4, 5].map((id) => decisions.get(id)?.selected)).toEqual([true, true, true, true, false, true]);
  });

  it('m = 2: x2 (score 3), then the tie x0/x1/x3 at 4 goes to x0', () => {
    const { out } = runOnce(aggregatorFor({ name: 'multi-krum', f: 1, multiKrumM: 2 }), updatesOf(KRUM_POINTS));
    expect(out).toEqual([0, 0.5]); // ((0+0)/2, (1+0)/2)
  });

  it('rejects m > n and n ≤ 2f + 2', () => {
    const agg = aggregatorFor({ name: 'multi-krum', f: 1, multiKrumM: 7 });
    expect(() => runOnce(agg, updatesOf(KRUM_POINTS), 3)).toThrow('multiKrumM = 7 exceeds the 6 updates of round 3');
    expect(() => runOnce(aggregatorFor({ name: 'multi-krum', f: 2 }), updatesOf(KRUM_POINTS))).toThrow(
      'multi-krum needs n > 2f + 2 = 6 updates, got n = 6 with f = 2',
    );
  });
});
