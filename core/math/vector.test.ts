import { describe, expect, it } from 'vitest';
import { allFinite, byClientId, l2Norm } from './vector';

describe('vector helpers', () => {
  it('l2Norm', () => {
    expect(l2Norm(Float32Array.from([3, -4]))).toBe(5);
    expect(l2Norm(new Float32Array(3))).toBe(0);
  });

  it('allFinite flags NaN and ±Infinity', () => {
    expect(allFinite(Float32Array.from([0, -1.5, 3e38]))).toBe(true);
    expect(allFinite(Float32Array.from([0, NaN]))).toBe(false);
    expect(allFinite(Float32Array.from([-Infinity, 1]))).toBe(false);
  });

  it('byClientId sorts a copy', () => {
    const input = [{ clientId: 3 }, { clientId: 1 }, { clientId: 2 }];
    expect(byClientId(input).map((u) => u.clientId)).toEqual([1, 2, 3]);
    expect(input.map((u) => u.clientId)).toEqual([3, 1, 2]);
  });
});
