import { describe, expect, it } from 'vitest';
import { nearestPoint, plotFrame, type ScatterSeries } from './scatterGeometry';

describe('plotFrame', () => {
  // 300 × 200 → plot area x 48…288, y 8…178.
  const f = plotFrame(300, 200, [1, 10], [0, 3.2], true);
  it('keeps the x range exact and widens y to nice ticks (hand-computed)', () => {
    expect(f.xTicks).toEqual([2, 4, 6, 8, 10]); // 3 ticks wanted → step 2, clipped to [1, 10]
    expect(f.yTicks.ticks).toEqual([0, 1, 2, 3, 4]); // 4 ticks wanted → step 1
    expect(f.x(1)).toBe(48);
    expect(f.x(10)).toBe(288);
    expect(f.y(0)).toBe(178);
    expect(f.y(2)).toBe(93);
  });
  it('widens a single-round x range', () => {
    const one = plotFrame(300, 200, [5, 5], [0, 1], true);
    expect(one.x(5)).toBe(168);
  });
});

describe('nearestPoint', () => {
  const f = plotFrame(300, 200, [1, 10], [0, 3.2], true);
  const a: ScatterSeries = { key: 'a', points: [{ x: 5, y: 2, id: 7 }, { x: 9, y: 1, id: 8 }], color: '#000', radius: 2 };
  const b: ScatterSeries = { key: 'b', points: [{ x: 5, y: 2, id: 9 }], color: '#000', radius: 4 };
  it('finds the closest point within the radius; the series drawn on top wins ties', () => {
    // (5, 2) is drawn at (48 + 4/9 · 240, 93) ≈ (154.7, 93).
    expect(nearestPoint([a], f, 156, 94)).toEqual({ series: 0, point: { x: 5, y: 2, id: 7 } });
    expect(nearestPoint([a, b], f, 156, 94)).toEqual({ series: 1, point: { x: 5, y: 2, id: 9 } });
    expect(nearestPoint([a, b], f, 20, 20)).toBeNull();
  });
});
