import { describe, expect, it } from 'vitest';
import { buildMaskingGraph } from './graph';
import { range } from './testing';
import { shamirThreshold } from './threshold';

describe('masking graph', () => {
  it('SecAgg: complete graph, every participant holds a share of everyone (itself included)', () => {
    const g = buildMaskingGraph(1, 0, [2, 5, 9], null);
    expect(g).toMatchObject({ degree: 2, complete: true, holdersPerClient: 3 });
    expect(g.neighbours.get(5)).toEqual([2, 9]);
    expect(g.shareHolders.get(5)).toEqual([2, 5, 9]);
  });

  it('SecAgg+: a symmetric k-regular graph from a seeded ring, new labels every round', () => {
    const ids = range(40).map((i) => 3 * i);
    const g = buildMaskingGraph(42, 3, ids, 6);
    expect(g).toMatchObject({ degree: 6, complete: false, holdersPerClient: 6 });
    for (const u of ids) {
      const near = g.neighbours.get(u) ?? [];
      expect(near).toHaveLength(6);
      expect(new Set(near).size).toBe(6);
      expect(near).not.toContain(u);
      for (const v of near) expect(g.neighbours.get(v)).toContain(u);
      expect(g.shareHolders.get(u)).toEqual(near);
    }
    expect(buildMaskingGraph(42, 3, ids, 6).neighbours).toEqual(g.neighbours);
    expect(buildMaskingGraph(42, 4, ids, 6).neighbours).not.toEqual(g.neighbours);
  });

  it('k ≥ n − 1 is the complete graph (odd n − 1 allowed); otherwise k must be even and ≥ 2', () => {
    expect(buildMaskingGraph(1, 0, range(5), 4)).toMatchObject({ degree: 4, complete: true, holdersPerClient: 5 });
    expect(buildMaskingGraph(1, 0, range(4), 3)).toMatchObject({ degree: 3, complete: true });
    expect(() => buildMaskingGraph(1, 0, range(10), 3)).toThrow('even');
    expect(() => buildMaskingGraph(1, 0, range(10), 0)).toThrow('even');
  });
});

describe('Shamir threshold', () => {
  it('t = max(2, ⌈fraction · holders⌉) without floating-point overshoot', () => {
    expect(shamirThreshold(0.6, 10)).toBe(6);
    expect(shamirThreshold(0.7, 10)).toBe(7);
    expect(shamirThreshold(0.51, 2)).toBe(2);
    expect(shamirThreshold(0.6, 12)).toBe(8);
    expect(shamirThreshold(1, 7)).toBe(7);
    expect(() => shamirThreshold(0.5, 10)).toThrow('(0.5, 1]');
  });
});
