// Small numeric helpers on flat parameter vectors, accumulated in Float64.

export function l2Norm(v: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i] * v[i];
  return Math.sqrt(sum);
}

/** True when every entry is a finite number (no NaN, no ±Infinity). */
export function allFinite(v: Float32Array): boolean {
  for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i])) return false;
  return true;
}

/** Updates in ascending client-id order (a copy), so results never depend on completion order. */
export function byClientId<T extends { clientId: number }>(updates: readonly T[]): T[] {
  return [...updates].sort((a, b) => a.clientId - b.clientId);
}
