/**
 * Partial sort in place (Hoare's quickselect, median-of-three pivot): afterwards a[k] holds the value of rank k
 * within a[lo..hi] (inclusive), a[lo..k−1] ≤ a[k] ≤ a[k+1..hi]. Average O(hi − lo), no allocation.
 */
export function selectInPlace(a: Float64Array, lo: number, hi: number, k: number): void {
  let l = lo;
  let r = hi;
  while (l < r) {
    const m = (l + r) >>> 1;
    // Median of a[l], a[m], a[r] as the pivot value (it is in the range, which bounds both scans).
    const x = medianOf3(a[l], a[m], a[r]);
    let i = l;
    let j = r;
    do {
      while (a[i] < x) i++;
      while (x < a[j]) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    } while (i <= j);
    if (j < k) l = i;
    if (k < i) r = j;
  }
}

function medianOf3(p: number, q: number, s: number): number {
  if (p < q) return q < s ? q : p < s ? s : p;
  return p < s ? p : q < s ? s : q;
}

/** Median of a[0..n−1] (even n: mean of the two middle values); reorders a. */
export function medianInPlace(a: Float64Array, n: number): number {
  const mid = n >>> 1;
  selectInPlace(a, 0, n - 1, mid);
  if (n % 2 === 1) return a[mid];
  let below = a[0];
  for (let i = 1; i < mid; i++) if (a[i] > below) below = a[i];
  return (below + a[mid]) / 2;
}
