import { describe, expect, it } from 'vitest';
import { sparklinePath } from './sparklinePath';

describe('sparklinePath', () => {
  it('scales to the box and breaks at NaN (hand-computed)', () => {
    // x step = (32 − 2) / 3 = 10; y = 12 − 1 − (v / 2) · 10.
    expect(sparklinePath([0, 1, Number.NaN, 2], 32, 12, 1)).toBe('M1.0 11.0 L11.0 6.0 M31.0 1.0');
  });
  it('draws a constant series along the bottom and nothing for no data', () => {
    expect(sparklinePath([3, 3], 12, 10, 1)).toBe('M1.0 9.0 L11.0 9.0');
    expect(sparklinePath([Number.NaN], 12, 10)).toBe('');
    expect(sparklinePath([], 12, 10)).toBe('');
  });
  it('keeps at most 300 vertices for long series', () => {
    const d = sparklinePath(Array.from({ length: 2000 }, (_, i) => Math.sin(i)), 100, 20);
    expect(d.split(/[ML]/).filter(Boolean)).toHaveLength(300);
  });
});
