import { describe, expect, it } from 'vitest';
import { boundaryImage, boundaryProblem, dataToPixel } from './boundaryImage';

describe('boundaryImage', () => {
  const colors = [
    [255, 0, 0],
    [0, 0, 255],
  ] as const;
  // 2 × 2 grid, 2 classes, rows from yMin: (r0,c0) (r0,c1) (r1,c0) (r1,c1).
  const grid = new Float32Array([0.9, 0.1, 0.5, 0.5, 0.2, 0.8, Number.NaN, Number.NaN]);
  const img = boundaryImage(grid, 2, 2, colors);

  it('flips rows so yMin is at the bottom and colours by argmax with confidence as opacity', () => {
    // (r0,c0): p = 0.9 → confidence (0.9 − 0.5) / 0.5 = 0.8 → alpha 255 · (0.12 + 0.68 · 0.8) = 169.3 → bottom-left.
    expect(Array.from(img.subarray(8, 12))).toEqual([255, 0, 0, 169]);
    // (r0,c1): a tie is chance level → class 0 at the minimum opacity 255 · 0.12 = 30.6.
    expect(Array.from(img.subarray(12, 16))).toEqual([255, 0, 0, 31]);
    // (r1,c0): class 1, p = 0.8 → confidence 0.6 → 255 · 0.528 = 134.6 → top-left.
    expect(Array.from(img.subarray(0, 4))).toEqual([0, 0, 255, 135]);
    // (r1,c1): NaN → transparent.
    expect(Array.from(img.subarray(4, 8))).toEqual([0, 0, 0, 0]);
  });
});

describe('boundaryProblem', () => {
  const box = { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };
  it('accepts consistent inputs', () => {
    expect(boundaryProblem(2 * 2 * 3, 2, 3, box, 10, 5)).toBeNull();
  });
  it('explains what is wrong', () => {
    expect(boundaryProblem(11, 2, 3, box, 0, 0)).toBe('grid has 11 values, expected 2×2×3 = 12');
    expect(boundaryProblem(12, 2, 3, { ...box, xMax: -1 }, 0, 0)).toMatch(/box is empty/);
    expect(boundaryProblem(12, 2, 3, box, 9, 5)).toBe('points has 9 values, expected 2 × 5 labels');
    expect(boundaryProblem(0, 0, 3, box, 0, 0)).toMatch(/resolution must be a positive integer/);
  });
});

describe('dataToPixel', () => {
  it('maps the box onto the canvas with y pointing up', () => {
    const f = dataToPixel({ xMin: -1, xMax: 1, yMin: 0, yMax: 4 }, 200, 100);
    expect(f(0, 2)).toEqual([100, 50]);
    expect(f(-1, 0)).toEqual([0, 100]);
    expect(f(1, 4)).toEqual([200, 0]);
  });
});
