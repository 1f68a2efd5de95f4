import { describe, expect, it } from 'vitest';
import { TEST_CHUNK, combineTestChunks, testChunkCount, testChunkIndices } from './testChunks';

describe('test chunks', () => {
  it('cut the test set into fixed 512-example chunks, the last one shorter', () => {
    expect(TEST_CHUNK).toBe(512);
    expect(testChunkCount(1000)).toBe(2);
    expect(testChunkCount(1024)).toBe(2);
    expect(testChunkCount(1025)).toBe(3);
    const last = testChunkIndices(1000, 1);
    expect(last.length).toBe(488);
    expect([last[0], last[487]]).toEqual([512, 999]);
    expect(() => testChunkIndices(1000, 2)).toThrow('test chunk 2 does not exist (the test set has 2 chunks)');
  });

  it('combine into the example-weighted mean, accuracy as an exact count', () => {
    // 300 of 512 and 100 of 488 correct; mean losses 1.0 and 2.0.
    const combined = combineTestChunks(
      [
        { accuracy: 300 / 512, loss: 1 },
        { accuracy: 100 / 488, loss: 2 },
      ],
      1000,
    );
    expect(combined.accuracy).toBe(0.4);
    expect(combined.loss).toBeCloseTo((512 + 2 * 488) / 1000, 12);
    expect(() => combineTestChunks([{ accuracy: 1, loss: 0 }], 1000)).toThrow('expected 2 test chunk results, got 1');
  });
});
