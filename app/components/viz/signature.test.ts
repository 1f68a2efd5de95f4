import { describe, expect, it } from 'vitest';
import { countsSignature } from './signature';

describe('countsSignature', () => {
  const counts = [
    [10, 0, 5],
    [3, 7, 1],
  ];
  it('is 8 hex digits and deterministic', () => {
    expect(countsSignature(counts)).toMatch(/^[0-9a-f]{8}$/);
    expect(countsSignature(counts.map((r) => r.slice()))).toBe(countsSignature(counts));
  });
  it('changes when one count changes', () => {
    expect(countsSignature([[10, 0, 5], [3, 7, 2]])).not.toBe(countsSignature(counts));
  });
  it('depends on the shape, not only the values', () => {
    expect(countsSignature([[1, 2], [3]])).not.toBe(countsSignature([[1], [2, 3]]));
  });
  it('distinguishes large counts that share low bytes', () => {
    expect(countsSignature([[256]])).not.toBe(countsSignature([[0]]));
  });
});
