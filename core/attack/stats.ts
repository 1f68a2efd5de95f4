// Per-coordinate statistics of a set of updates, accumulated in Float64.

export function coordinateMean(updates: readonly Float32Array[]): Float64Array {
  if (updates.length === 0) throw new Error('coordinateMean: no updates');
  const mean = new Float64Array(updates[0].length);
  for (const u of updates) for (let i = 0; i < mean.length; i++) mean[i] += u[i];
  for (let i = 0; i < mean.length; i++) mean[i] /= updates.length;
  return mean;
}

/** Sample standard deviation (ddof = 1) per coordinate; 0 for fewer than two updates. */
export function coordinateStd(updates: readonly Float32Array[], mean: Float64Array): Float64Array {
  const std = new Float64Array(mean.length);
  if (updates.length < 2) return std;
  for (const u of updates) {
    for (let i = 0; i < std.length; i++) std[i] += (u[i] - mean[i]) ** 2;
  }
  for (let i = 0; i < std.length; i++) std[i] = Math.sqrt(std[i] / (updates.length - 1));
  return std;
}

export function scaled(v: ArrayLike<number>, s: number): Float32Array {
  const out = new Float32Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = s * v[i];
  return out;
}
