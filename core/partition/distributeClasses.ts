import type { Rng } from '../rng';

/**
 * Gives client k a random `counts[c][k]` of class c's examples, for every class (`byClass[c]` = that class's
 * indices, shuffled in place). Each class's counts must sum to at most its size.
 */
export function distributeClasses(byClass: Int32Array[], counts: ArrayLike<number>[], rng: Rng): Int32Array[] {
  const numClients = counts[0]?.length ?? 0;
  const sizes = new Int32Array(numClients);
  for (const perClient of counts) for (let k = 0; k < numClients; k++) sizes[k] += perClient[k];
  const clients = Array.from(sizes, (size) => new Int32Array(size));
  const filled = new Int32Array(numClients);
  byClass.forEach((members, c) => {
    rng.shuffle(members);
    let start = 0;
    for (let k = 0; k < numClients; k++) {
      const count = counts[c][k];
      clients[k].set(members.subarray(start, start + count), filled[k]);
      filled[k] += count;
      start += count;
    }
  });
  return clients;
}
