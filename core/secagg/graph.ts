// Who masks with whom, and who holds whose shares. SecAgg (Bonawitz et al. 2017): the complete graph, every user
// holds a share of every user's secrets (itself included). SecAgg+ (Bell et al. 2020, §3): a random k-regular graph —
// a Harary graph H_{k,n} (k even) over randomly labelled nodes — and each client shares only with its k neighbours.
// Flower's SecAggPlusWorkflow builds the same ring: shuffle the clients, connect each to the k/2 nearest on each side.
import { rngFor } from '../rng';

export interface MaskingGraph {
  /** Degree actually used: k, or n − 1 for the complete graph. */
  degree: number;
  complete: boolean;
  /** Share holders of every client: n for the complete graph, k for SecAgg+. */
  holdersPerClient: number;
  /** Ascending neighbour ids of every participant. */
  neighbours: ReadonlyMap<number, readonly number[]>;
  /** Ascending ids of the clients holding a share of u's secrets: its neighbours, plus u itself if complete. */
  shareHolders: ReadonlyMap<number, readonly number[]>;
}

/** `k` null = SecAgg; an even k ≥ 2 = SecAgg+; any k ≥ n − 1 degenerates to the complete graph. */
export function buildMaskingGraph(seed: number, round: number, participants: readonly number[], k: number | null): MaskingGraph {
  const n = participants.length;
  const complete = k === null || k >= n - 1;
  if (k !== null && !(Number.isInteger(k) && k >= 2 && (complete || k % 2 === 0))) {
    throw new RangeError(`SecAgg+ needs an even number of neighbours k ≥ 2 (or k ≥ n − 1 for all pairs), got ${k}`);
  }
  const neighbours = new Map<number, number[]>();
  if (complete) {
    for (const u of participants) neighbours.set(u, participants.filter((v) => v !== u));
  } else {
    const ring = rngFor(seed, 'secagg-graph', round).shuffle([...participants]);
    ring.forEach((u, i) => {
      const near: number[] = [];
      for (let off = 1; off <= k / 2; off++) near.push(ring[(i + off) % n], ring[(i - off + n) % n]);
      neighbours.set(u, near.sort((a, b) => a - b));
    });
  }
  const shareHolders = new Map<number, readonly number[]>();
  for (const [u, near] of neighbours) shareHolders.set(u, complete ? [...participants] : near);
  return { degree: complete ? n - 1 : k, complete, holdersPerClient: complete ? n : k, neighbours, shareHolders };
}
