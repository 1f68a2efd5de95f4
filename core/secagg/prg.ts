// The PRG of Bonawitz et al. 2017 §4 (a seed expanded into a ring vector), instantiated with AES-256-CTR through
// WebCrypto (the PRG of their §7 implementation is AES in counter mode), so it runs natively in browsers and Node.

/** Bytes of a PRG seed: a 256-bit AES key. */
export const SEED_BYTES = 32;

/** The all-zero plaintext, shared by every call (WebCrypto copies its input); grown to the largest 4·d asked for. */
let zeros = new Uint8Array(0);

/**
 * PRG(seed) ∈ Z_{2^32}^d: the AES-256-CTR keystream of `seed` over 4·d zero bytes, read as little-endian uint32
 * (the byte order of every mainstream JS engine). The 128-bit counter block is round ‖ 0 (upper 64 bits: the round
 * number, big-endian; lower 64 bits: the block counter from 0), so one seed yields unrelated masks in different rounds.
 */
export async function expandSeed(seed: Uint8Array<ArrayBuffer>, round: number, d: number): Promise<Uint32Array> {
  if (seed.length !== SEED_BYTES) throw new RangeError(`a PRG seed has ${SEED_BYTES} bytes, got ${seed.length}`);
  const key = await globalThis.crypto.subtle.importKey('raw', seed, 'AES-CTR', false, ['encrypt']);
  const counter = new Uint8Array(16);
  const view = new DataView(counter.buffer);
  view.setUint32(0, Math.floor(round / 2 ** 32));
  view.setUint32(4, round >>> 0);
  if (zeros.length < 4 * d) zeros = new Uint8Array(4 * d);
  const stream = await globalThis.crypto.subtle.encrypt({ name: 'AES-CTR', counter, length: 64 }, key, zeros.subarray(0, 4 * d));
  return new Uint32Array(stream);
}
