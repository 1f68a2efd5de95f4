// Pairwise geometry of the round's updates, computed once per aggregation and shared by Krum, Multi-Krum, Bulyan,
// NNM and the geometric median.

/** Coordinates per pass: one Float64 chunk of every update (n × 512 × 8 bytes, 400 KB at n = 100) stays in L2. */
const CHUNK = 512;

/**
 * Gram matrix G[i·n + j] = ⟨x_i, x_j⟩ (n × n, symmetric, Float64 sums). Blocked over coordinates (each chunk is
 * first widened to Float64, which saves a conversion per load), and 4 rows × 2 columns at a time so each loaded value
 * feeds several products.
 */
export function gramMatrix(vectors: readonly Float32Array[]): Float64Array {
  const n = vectors.length;
  const dim = n === 0 ? 0 : vectors[0].length;
  const g = new Float64Array(n * n);
  const buf = new Float64Array(n * CHUNK);
  for (let c0 = 0; c0 < dim; c0 += CHUNK) {
    const width = Math.min(CHUNK, dim - c0);
    for (let i = 0; i < n; i++) {
      const v = vectors[i];
      const o = i * CHUNK;
      for (let k = 0; k < width; k++) buf[o + k] = v[c0 + k];
    }
    for (let i = 0; i < n; i += 4) {
      // Rows past the end alias the last row; their sums are computed and dropped.
      const a0 = i * CHUNK;
      const a1 = Math.min(i + 1, n - 1) * CHUNK;
      const a2 = Math.min(i + 2, n - 1) * CHUNK;
      const a3 = Math.min(i + 3, n - 1) * CHUNK;
      for (let j = i; j < n; j += 2) {
        const b0 = j * CHUNK;
        const b1 = Math.min(j + 1, n - 1) * CHUNK;
        let s00 = 0, s01 = 0, s10 = 0, s11 = 0, s20 = 0, s21 = 0, s30 = 0, s31 = 0;
        for (let k = 0; k < width; k++) {
          const u = buf[b0 + k];
          const v = buf[b1 + k];
          const x0 = buf[a0 + k];
          const x1 = buf[a1 + k];
          const x2 = buf[a2 + k];
          const x3 = buf[a3 + k];
          s00 += x0 * u;
          s01 += x0 * v;
          s10 += x1 * u;
          s11 += x1 * v;
          s20 += x2 * u;
          s21 += x2 * v;
          s30 += x3 * u;
          s31 += x3 * v;
        }
        addUpper(g, n, i, j, s00, s01);
        addUpper(g, n, i + 1, j, s10, s11);
        addUpper(g, n, i + 2, j, s20, s21);
        addUpper(g, n, i + 3, j, s30, s31);
      }
    }
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) g[i * n + j] = g[j * n + i];
  return g;
}

/** Adds ⟨x_row, x_col⟩ and ⟨x_row, x_col+1⟩ to the upper triangle, skipping pairs below it or past the end. */
function addUpper(g: Float64Array, n: number, row: number, col: number, s0: number, s1: number): void {
  if (row >= n) return;
  if (row <= col) g[row * n + col] += s0;
  if (col + 1 < n && row <= col + 1) g[row * n + col + 1] += s1;
}

/**
 * Squared distances ‖x_i − x_j‖² = G_ii + G_jj − 2G_ij (clamped at 0 against rounding), zero diagonal. A row with ±∞
 * or NaN in it (G_ii is then not finite) is +∞ away from every other, so distance-based rules never pick it (the
 * Gram formula would give NaN, which compares as neither near nor far).
 */
function squaredDistances(gram: Float64Array, n: number): Float64Array {
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const gii = gram[i * n + i];
      const gjj = gram[j * n + j];
      const v = Number.isFinite(gii) && Number.isFinite(gjj) ? Math.max(0, gii + gjj - 2 * gram[i * n + j]) : Infinity;
      d[i * n + j] = v;
      d[j * n + i] = v;
    }
  }
  return d;
}

/** n × n squared distances of the rows, via their Gram matrix. */
export function pairwiseSquaredDistances(vectors: readonly Float32Array[]): Float64Array {
  return squaredDistances(gramMatrix(vectors), vectors.length);
}
