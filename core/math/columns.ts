/** Coordinates transposed at a time: a block of n × 256 Float64 values (200 KB at n = 100) stays in L2. */
const BLOCK = 256;

/**
 * Visits the coordinates of `vectors` (all of length `dim`) in blocks, transposed so that one coordinate's n values
 * are contiguous: `block[c·n + i]` = vectors[i][start + c] for c < width. The block buffer is reused between calls.
 */
export function forEachColumnBlock(
  vectors: readonly Float32Array[],
  dim: number,
  visit: (block: Float64Array, start: number, width: number) => void,
): void {
  const n = vectors.length;
  const block = new Float64Array(n * BLOCK);
  for (let start = 0; start < dim; start += BLOCK) {
    const width = Math.min(BLOCK, dim - start);
    for (let i = 0; i < n; i++) {
      const v = vectors[i];
      for (let c = 0; c < width; c++) block[c * n + i] = v[start + c];
    }
    visit(block, start, width);
  }
}
