import { describe, expect, it } from 'vitest';
import { CLASS_COLORS, classColor, hexToRgb } from './palette';

describe('palette', () => {
  it('has 10 distinct colours and wraps class indices', () => {
    expect(new Set(CLASS_COLORS.map((c) => c.toLowerCase())).size).toBe(10);
    expect(classColor(0)).toBe('#0072B2');
    expect(classColor(12)).toBe(classColor(2));
    expect(classColor(-1)).toBe(classColor(9));
  });
  it('parses hex colours', () => {
    expect(hexToRgb('#0072B2')).toEqual([0, 114, 178]);
    expect(() => hexToRgb('red')).toThrow(/expected "#rrggbb"/);
  });
});
