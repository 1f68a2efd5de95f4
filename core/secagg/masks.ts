// The two masks of Bonawitz et al. 2017 §4 (also Flower's SecAggPlusWorkflow): a pairwise mask that cancels within
// each pair of neighbours, and a self-mask that protects a client whose neighbours dropped out.
import { expandSeed } from './prg';
import { addInto, subtractInto } from './ring';

/**
 * acc ← acc + p_uv, where p_uv = +PRG(s_uv) if u < v and −PRG(s_uv) if u > v (mod 2^32), so p_uv + p_vu ≡ 0.
 * The server removes a dropped u's leftover p_vu from the sum the same way: by adding p_uv.
 */
export async function addPairwiseMask(
  acc: Uint32Array,
  sharedSeed: Uint8Array<ArrayBuffer>,
  round: number,
  u: number,
  v: number,
): Promise<void> {
  if (u === v) throw new RangeError(`client ${u} has no pairwise mask with itself`);
  const prg = await expandSeed(sharedSeed, round, acc.length);
  if (u < v) addInto(acc, prg);
  else subtractInto(acc, prg);
}

/** PRG(b_u): added by u, subtracted by the server once t holders reveal b_u-shares of a surviving u. */
export function selfMask(selfSeed: Uint8Array<ArrayBuffer>, round: number, d: number): Promise<Uint32Array> {
  return expandSeed(selfSeed, round, d);
}
