/**
 * Splits `total` integer units among slots in proportion to `weights`, every slot getting at least `min`
 * (largest-remainder / Hamilton method; ties go to the lower index). The result always sums to `total`.
 */
export function apportion(total: number, weights: ArrayLike<number>, min = 0): Int32Array {
  const n = weights.length;
  const rest = total - n * min;
  if (n === 0 || rest < 0) throw new RangeError(`cannot give ${n} slots at least ${min} each out of ${total}`);
  let weightSum = 0;
  for (let i = 0; i < n; i++) weightSum += weights[i];
  if (!(weightSum > 0)) throw new RangeError('apportion needs at least one positive weight');

  const out = new Int32Array(n);
  const remainder = new Float64Array(n);
  let assigned = 0;
  for (let i = 0; i < n; i++) {
    const quota = (rest * weights[i]) / weightSum;
    const whole = Math.floor(quota);
    out[i] = whole;
    remainder[i] = quota - whole;
    assigned += whole;
  }
  let left = rest - assigned;
  if (left !== 0) {
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => remainder[b] - remainder[a] || a - b);
    // Rounding error can make the floors overshoot by one; take it back from the smallest remainders.
    for (let k = 0; left > 0; k++, left--) out[order[k]]++;
    for (let k = n - 1; left < 0; k--) {
      if (out[order[k]] > 0) {
        out[order[k]]--;
        left++;
      }
    }
  }
  for (let i = 0; i < n; i++) out[i] += min;
  return out;
}

/** Cuts `items` into consecutive copies of the given lengths (which must sum to at most items.length). */
export function splitByCounts(items: Int32Array, counts: ArrayLike<number>): Int32Array[] {
  const parts: Int32Array[] = [];
  let start = 0;
  for (let i = 0; i < counts.length; i++) {
    parts.push(items.slice(start, start + counts[i]));
    start += counts[i];
  }
  return parts;
}
