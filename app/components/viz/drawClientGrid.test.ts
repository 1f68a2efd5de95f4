import { describe, expect, it } from 'vitest';
import { cellAt, cellGridLayout, drawClientGrid, type GridCell, type GridColors } from './drawClientGrid';

describe('cellGridLayout', () => {
  it('fills rows the way the button grid wraps: (width + gap) / (size + gap) columns', () => {
    // 500 cells of 16 px, 3 px apart, in 600 px: 31 columns (31 · 19 − 3 = 586), 17 rows.
    const l = cellGridLayout(600, 500, 16, 3);
    expect([l.columns, l.rows, l.width, l.height]).toEqual([31, 17, 586, 17 * 19 - 3]);
    expect(cellGridLayout(5, 3, 16, 3).columns).toBe(1);
  });
});

describe('cellAt', () => {
  const l = cellGridLayout(600, 500, 16, 3);
  it('finds the cell under a point, and none in a gap or past the last cell', () => {
    expect(cellAt(l, 500, 0, 0)).toBe(0);
    expect(cellAt(l, 500, 19 + 15, 0)).toBe(1);
    expect(cellAt(l, 500, 17, 5)).toBeNull(); // the gap between cells 0 and 1
    expect(cellAt(l, 500, 2 * 19 + 1, 19 + 1)).toBe(31 + 2);
    expect(cellAt(l, 500, 30 * 19, 16 * 19)).toBeNull(); // row 16 holds 500 − 16 · 31 = 4 cells
    expect(cellAt(l, 500, 3 * 19, 16 * 19)).toBe(499);
    expect(cellAt(l, 500, -1, 0)).toBeNull();
  });
});

describe('drawClientGrid', () => {
  it('draws each of 500 cells with a handful of canvas calls', () => {
    const calls: Record<string, number> = {};
    const ctx = new Proxy({} as Record<string, unknown>, {
      get: (target, key: string) =>
        target[key] ??
        (() => {
          calls[key] = (calls[key] ?? 0) + 1;
        }),
      set: (target, key: string, value) => ((target[key] = value), true),
    }) as unknown as CanvasRenderingContext2D;
    const colors: GridColors = { fg: '#000', bg: '#fff', muted: '#777', accent: '#00f', border: '#ccc', panel: '#eee', done: '#0a0', malicious: '#f00' };
    const states = ['idle', 'sampled', 'training', 'done', 'dropped'] as const;
    const cell = (id: number): GridCell => ({ state: states[id % 5], accuracy: id % 2 ? 0.5 : undefined, malicious: id % 10 === 0 });
    drawClientGrid(ctx, cellGridLayout(600, 500, 16, 3), cell, 500, colors, 3, 7);
    expect(calls.strokeRect).toBe(500 + 2); // every cell's outline, the selection ring and the cursor ring
    expect(calls.fillRect).toBe(100 + 100 + 250); // training half fills, done fills, accuracy bars
    expect(calls.fill).toBe(50); // attacker corners
  });
});
