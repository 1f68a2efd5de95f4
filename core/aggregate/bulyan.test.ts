import { describe, expect, it } from 'vitest';
import { aggregatorFor, runOnce, updatesOf } from './testing';

describe('Bulyan', () => {
  it('selects θ = n − 2f by iterated Krum, then averages the β = θ − 2f values closest to the median', () => {
    // n = 7, f = 1, 1-D values 0 1 2 5 6 100 −50 → θ = 5, β = 3. Krum on the remaining set, r − f − 2 neighbours
    // (at least 1), squared distances:
    //  r = 7, 4 nn: 0→1+4+25+36=66  1→1+1+16+25=43  2→4+1+9+16=30  5→51  6→78  (outliers ≥ 10830) → pick 2
    //  r = 6, 3 nn: 0→1+25+36=62  1→1+16+25=42  5→25+16+1=42  6→62 → tie 1/5 → lowest index: pick 1
    //  r = 5, 2 nn: 0→25+36=61  5→25+1=26  6→36+1=37 → pick 5
    //  r = 4, 1 nn: 0→36  6→36  100→8836  −50→2500 → tie → pick 0
    //  r = 3, 1 nn: 6→3136  100→8836  −50→3136 → tie → lowest index: pick 6
    // selection {0, 1, 2, 5, 6}: median 2, gaps 2 1 0 3 4 → the 3 closest are 0, 1, 2 → mean 1
    const { out, decisions } = runOnce(aggregatorFor({ name: 'bulyan', f: 1 }), updatesOf([[0], [1], [2], [5], [6], [100], [-50]]));
    expect(out).toEqual([1]);
    expect([0, 1, 2, 3, 4, 5, 6].map((id) => decisions.get(id))).toEqual([
      { selected: true, trimmedFraction: 0 },
      { selected: true, trimmedFraction: 0 },
      { selected: true, trimmedFraction: 0 },
      { selected: true, trimmedFraction: 1 },
      { selected: true, trimmedFraction: 1 },
      { selected: false, trimmedFraction: 1 },
      { selected: false, trimmedFraction: 1 },
    ]);
  });

  it('works per coordinate on the selection (2-D, f = 1)', () => {
    // P0..P6 = (0,3) (1,9) (2,4) (5,8) (6,7) (100,0) (−50,0). Squared distances in the cluster:
    //  0-1 37, 0-2 5, 0-3 50, 0-4 52, 1-2 26, 1-3 17, 1-4 29, 2-3 25, 2-4 25, 3-4 2; P5, P6 ≥ 2509 from everyone.
    //  r = 7, 4 nn: P0 144, P1 109, P2 5+25+25+26=81, P3 94, P4 108 → pick P2
    //  r = 6, 3 nn: P0 139, P1 83, P3 2+17+50=69, P4 83 → pick P3
    //  r = 5, 2 nn: P0 89, P1 29+37=66, P4 81 → pick P1
    //  r = 4, 1 nn: P0 52, P4 52, P5 8885, P6 2509 → tie → pick P0
    //  r = 3, 1 nn: P4 3185, P5 8885, P6 3185 → tie → pick P4
    // coord 0 of {0,1,2,5,6} → 1 (as above); coord 1 of {3,9,4,8,7}: median 7, gaps 4 2 3 1 0 → 9, 8, 7 → 8
    const rows = [[0, 3], [1, 9], [2, 4], [5, 8], [6, 7], [100, 0], [-50, 0]];
    const { out, decisions } = runOnce(aggregatorFor({ name: 'bulyan', f: 1 }), updatesOf(rows));
    expect(out).toEqual([1, 8]);
    expect([0, 1, 2, 3, 4, 5, 6].map((id) => decisions.get(id)?.selected)).toEqual([true, true, true, true, true, false, false]);
  });

  it('f = 0 keeps everything: the mean', () => {
    expect(runOnce(aggregatorFor({ name: 'bulyan', f: 0 }), updatesOf([[1], [2], [6]])).out).toEqual([3]);
  });

  it('needs n ≥ 4f + 3 and names n and f', () => {
    const six = updatesOf([[0], [1], [2], [3], [4], [5]]);
    expect(() => runOnce(aggregatorFor({ name: 'bulyan', f: 1 }), six)).toThrow(
      'bulyan needs n ≥ 4f + 3 = 7 updates, got n = 6 with f = 1',
    );
  });
});
