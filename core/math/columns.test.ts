import { describe, expect, it } from 'vitest';
import { forEachColumnBlock } from './columns';

describe('forEachColumnBlock', () => {
  it('visits every coordinate once, transposed, across block boundaries', () => {
    const dim = 600; // 256 + 256 + 88
    const vectors = [0, 1, 2].map((i) => Float32Array.from({ length: dim }, (_, k) => 1_000 * i + k));
    const seen: number[] = [];
    forEachColumnBlock(vectors, dim, (block, start, width) => {
      for (let c = 0; c < width; c++) {
        // block[c·n + i] = vectors[i][start + c]
        expect([block[c * 3], block[c * 3 + 1], block[c * 3 + 2]]).toEqual([start + c, 1_000 + start + c, 2_000 + start + c]);
        seen.push(start + c);
      }
    });
    expect(seen).toEqual(Array.from({ length: dim }, (_, k) => k));
  });
});
