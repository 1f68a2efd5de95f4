import type { PartitionStats } from './types';

/** Hellinger distance between two distributions: sqrt(1 − Σ √(p_i q_i)), 0 = identical, 1 = disjoint supports. */
export function hellinger(p: ArrayLike<number>, q: ArrayLike<number>): number {
  let affinity = 0;
  for (let i = 0; i < p.length; i++) affinity += Math.sqrt(p[i] * q[i]);
  return Math.sqrt(Math.max(0, 1 - affinity));
}

/**
 * Client × class counts, sizes and each client's Hellinger distance to the global label distribution. An empty
 * client has no distribution: its distance is reported as 0 and it is left out of the mean.
 */
export function partitionStats(clients: Int32Array[], labels: Int32Array, numClasses: number): PartitionStats {
  const counts = clients.map((indices) => {
    const row = new Array<number>(numClasses).fill(0);
    for (let i = 0; i < indices.length; i++) row[labels[indices[i]]]++;
    return row;
  });
  const sizes = clients.map((indices) => indices.length);
  const total = sizes.reduce((a, b) => a + b, 0);
  const global = new Array<number>(numClasses).fill(0);
  for (const row of counts) row.forEach((n, c) => (global[c] += n / total));

  let sum = 0;
  let nonEmpty = 0;
  const distances = counts.map((row, k) => {
    if (sizes[k] === 0) return 0;
    nonEmpty++;
    const d = hellinger(
      row.map((n) => n / sizes[k]),
      global,
    );
    sum += d;
    return d;
  });
  return { counts, sizes, hellinger: distances, meanHellinger: nonEmpty > 0 ? sum / nonEmpty : 0 };
}
