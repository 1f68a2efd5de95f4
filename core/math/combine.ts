/** Σ_i c_i·x_i over rows of length `dim`, accumulated in Float64 in row order; rows with c_i = 0 are skipped. */
export function linearCombination(vectors: readonly Float32Array[], coeffs: ArrayLike<number>, dim: number): Float64Array {
  const acc = new Float64Array(dim);
  for (let i = 0; i < vectors.length; i++) {
    const c = coeffs[i];
    if (c === 0) continue;
    const v = vectors[i];
    for (let k = 0; k < dim; k++) acc[k] += c * v[k];
  }
  return acc;
}

/** Unweighted mean of the rows listed in `rows`. */
export function meanOfRows(vectors: readonly Float32Array[], rows: readonly number[], dim: number): Float32Array {
  const coeffs = new Float64Array(vectors.length);
  for (const i of rows) coeffs[i] = 1 / rows.length;
  return Float32Array.from(linearCombination(vectors, coeffs, dim));
}
