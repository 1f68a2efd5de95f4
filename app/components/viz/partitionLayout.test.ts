import { describe, expect, it } from 'vitest';
import { barEdges, cellAlpha, hitTest, hoverRect, partitionLayout } from './partitionLayout';

describe('partitionLayout', () => {
  it('sizes a 10 × 10 partition in 500 px (hand-computed)', () => {
    const l = partitionLayout(500, 10, 10, 400);
    expect(l.labelWidth).toBe(17); // ceil(1 digit · 6.5 + 10)
    expect(l.rowHeight).toBe(18); // min(18, floor(400 / 10))
    expect(l.sizeWidth).toBe(106); // round(0.22 · 483)
    expect(l.cellWidth).toBeCloseTo(36.9, 10); // (483 − 8 − 106) / 10
    expect(l.sizeLeft).toBeCloseTo(394, 10);
    expect(l.height).toBe(16 + 180 + 1);
    expect(l.labelEvery).toBe(1);
  });
  it('shrinks rows for many clients and thins labels', () => {
    const l100 = partitionLayout(800, 100, 10);
    expect(l100.rowHeight).toBe(4);
    expect(l100.labelEvery).toBe(3);
    expect(l100.height).toBe(417);
    const l500 = partitionLayout(800, 500, 10);
    expect(l500.rowHeight).toBe(1);
    expect(l500.labelEvery).toBe(11);
  });
  it('rejects an empty partition', () => {
    expect(() => partitionLayout(500, 0, 10)).toThrow(/need ≥1 client/);
  });
});

describe('cellAlpha', () => {
  it('is 0 for empty cells and linear above a floor', () => {
    expect(cellAlpha(0, 200, 100, 'fraction')).toBe(0);
    expect(cellAlpha(50, 200, 100, 'fraction')).toBeCloseTo(0.08 + 0.92 * 0.25, 12);
    expect(cellAlpha(50, 200, 100, 'count')).toBeCloseTo(0.08 + 0.92 * 0.5, 12);
    expect(cellAlpha(100, 200, 100, 'count')).toBe(1);
  });
});

describe('barEdges', () => {
  it('fills the width in fraction scale and scales by size in count scale', () => {
    expect(barEdges([1, 3, 0, 4], 8, 16, 100, 'fraction')).toEqual([12.5, 50, 50, 100]);
    expect(barEdges([1, 3, 0, 4], 8, 16, 100, 'count')).toEqual([6.25, 25, 25, 50]);
    expect(barEdges([0, 0], 0, 16, 100, 'fraction')).toEqual([0, 0]);
  });
});

describe('hitTest', () => {
  const counts = Array.from({ length: 10 }, () => [1, 3, 0, 4, 0, 0, 0, 0, 0, 0]);
  const sizes = counts.map(() => 8);
  const l = partitionLayout(500, 10, 10, 400);
  it('finds client and class in the heatmap', () => {
    expect(hitTest(l, counts, sizes, 'heatmap', 'fraction', 17 + 36.9 * 2 + 1, 16 + 18 * 3 + 5)).toEqual({ client: 3, cls: 2 });
    expect(hitTest(l, counts, sizes, 'heatmap', 'fraction', 10, 20)).toEqual({ client: 0, cls: null });
    expect(hitTest(l, counts, sizes, 'heatmap', 'fraction', 400, 20)).toEqual({ client: 0, cls: null });
    expect(hitTest(l, counts, sizes, 'heatmap', 'fraction', 100, 10)).toBeNull();
    expect(hitTest(l, counts, sizes, 'heatmap', 'fraction', 100, 16 + 180)).toBeNull();
  });
  it('finds the segment under the pointer in stacked bars, skipping empty classes', () => {
    const one = partitionLayout(500, 1, 4, 400);
    const c = [[1, 3, 0, 4]];
    // barWidth 483, edges [60.375, 241.5, 241.5, 483]
    expect(hitTest(one, c, [8], 'bars', 'count', 17 + 100, 20)).toEqual({ client: 0, cls: 1 });
    expect(hitTest(one, c, [8], 'bars', 'count', 17 + 242, 20)).toEqual({ client: 0, cls: 3 });
    expect(hitTest(one, c, [8], 'bars', 'count', 17 + 490, 20)).toBeNull();
  });
});

describe('hoverRect', () => {
  it('outlines the cell in the heatmap and the row otherwise, never thinner than 3 px', () => {
    const l = partitionLayout(500, 10, 10, 400);
    // Cell (client 3, class 2): x from round(17 + 73.8) = 91 to round(17 + 110.7) = 128; y = 16 + 3 · 18.
    expect(hoverRect(l, { client: 3, cls: 2 }, 'heatmap')).toEqual({ left: 91, top: 70, width: 37, height: 18 });
    expect(hoverRect(l, { client: 3, cls: 2 }, 'bars')).toEqual({ left: 0, top: 70, width: 500, height: 18 });
    const thin = partitionLayout(500, 500, 10, 400);
    expect(hoverRect(thin, { client: 4, cls: null }, 'heatmap')).toEqual({ left: 0, top: 16 + 4 - 1, width: 500, height: 3 });
  });
});
