// Shamir t-of-n secret sharing (Bonawitz et al. 2017 §3, SS.share / SS.recon) of byte strings over the prime field
// GF(p), p = 2^31 − 1. A secret is cut into 3-byte chunks (each < 2^24 < p) and every chunk gets its own random
// polynomial of degree t − 1; a share holds one field element per chunk, evaluated at the holder's point x ≠ 0.
// Products of two field elements reach 2^62, beyond a double's 53 bits, so mulMod splits one factor in 16-bit halves.

/** The Mersenne prime 2^31 − 1. */
export const SHAMIR_PRIME = 2147483647;
const CHUNK_BYTES = 3;

export interface Share {
  /** The evaluation point: sharePoint(holder id). */
  x: number;
  /** f_j(x) for every chunk j of the secret. */
  y: Uint32Array;
}

/** The evaluation point of the holder with this client id (ids start at 0, and x = 0 is the secret itself). */
export function sharePoint(clientId: number): number {
  return clientId + 1;
}

/** Elements per share of a secret of `byteLength` bytes. */
export function shareElements(byteLength: number): number {
  return Math.ceil(byteLength / CHUNK_BYTES);
}

/** Split `secret` so that any `threshold` of the shares (one per point in `xs`) reconstruct it. */
export function splitSecret(secret: Uint8Array, threshold: number, xs: readonly number[]): Share[] {
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > xs.length) {
    throw new RangeError(`Shamir threshold must be in [1, ${xs.length}], got ${threshold}`);
  }
  if (new Set(xs).size !== xs.length || xs.some((x) => !Number.isInteger(x) || x <= 0 || x >= SHAMIR_PRIME)) {
    throw new RangeError('Shamir evaluation points must be distinct integers in [1, p − 1]');
  }
  const chunks = shareElements(secret.length);
  const shares = xs.map((x) => ({ x, y: new Uint32Array(chunks) }));
  const coefficients = new Uint32Array(threshold);
  for (let j = 0; j < chunks; j++) {
    coefficients[0] = readChunk(secret, j);
    randomFieldElements(coefficients.subarray(1));
    for (const share of shares) {
      // Horner: f(x) = a_0 + x(a_1 + x(a_2 + …)).
      let acc = 0;
      for (let k = threshold - 1; k >= 0; k--) acc = (mulMod(acc, share.x) + coefficients[k]) % SHAMIR_PRIME;
      share.y[j] = acc;
    }
  }
  return shares;
}

/**
 * Lagrange interpolation at 0: s = Σ_i y_i·Π_{j≠i} x_j/(x_j − x_i). With at least t shares this is the secret; with
 * fewer it is an unrelated value, which almost surely fails to decode into `byteLength` bytes and throws.
 */
export function reconstructSecret(shares: readonly Share[], byteLength: number): Uint8Array<ArrayBuffer> {
  const chunks = shareElements(byteLength);
  if (shares.length === 0 || shares.some((s) => s.y.length !== chunks)) {
    throw new RangeError(`need at least one share of ${chunks} elements`);
  }
  if (new Set(shares.map((s) => s.x)).size !== shares.length) throw new RangeError('Shamir shares must have distinct points');
  const lagrange = shares.map((si, i) => {
    let num = 1;
    let den = 1;
    shares.forEach((sj, j) => {
      if (j === i) return;
      num = mulMod(num, sj.x);
      den = mulMod(den, (sj.x - si.x + SHAMIR_PRIME) % SHAMIR_PRIME);
    });
    return mulMod(num, invMod(den));
  });
  const secret = new Uint8Array(byteLength);
  for (let j = 0; j < chunks; j++) {
    let acc = 0;
    shares.forEach((s, i) => (acc = (acc + mulMod(lagrange[i], s.y[j])) % SHAMIR_PRIME));
    writeChunk(secret, j, acc);
  }
  return secret;
}

/** The share's elements as little-endian uint32 bytes (the point x is implied by who holds it). */
export function shareToBytes(share: Share): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(4 * share.y.length);
  const view = new DataView(bytes.buffer);
  share.y.forEach((v, i) => view.setUint32(4 * i, v, true));
  return bytes;
}

export function shareFromBytes(x: number, bytes: Uint8Array): Share {
  if (bytes.length % 4 !== 0) throw new RangeError('a serialized share has a multiple of 4 bytes');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const y = new Uint32Array(bytes.length / 4);
  for (let i = 0; i < y.length; i++) y[i] = view.getUint32(4 * i, true);
  return { x, y };
}

/** a·b mod p for a, b < p: a·b_hi·2^16 + a·b_lo with every partial product below 2^48. */
function mulMod(a: number, b: number): number {
  return (((a * (b >>> 16)) % SHAMIR_PRIME) * 65536 + a * (b & 0xffff)) % SHAMIR_PRIME;
}

/** a^{-1} mod p by the extended Euclidean algorithm (all intermediates stay below 2^31 in magnitude). */
function invMod(a: number): number {
  let [r0, r1] = [SHAMIR_PRIME, a];
  let [t0, t1] = [0, 1];
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1] = [r1, r0 - q * r1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  if (r0 !== 1) throw new RangeError('not invertible mod p');
  return (t0 + SHAMIR_PRIME) % SHAMIR_PRIME;
}

/** Uniform elements of GF(p) from crypto randomness (31 random bits, rejecting the single value p). */
function randomFieldElements(out: Uint32Array): void {
  globalThis.crypto.getRandomValues(out);
  for (let i = 0; i < out.length; i++) {
    out[i] &= 0x7fffffff;
    while (out[i] === SHAMIR_PRIME) out[i] = globalThis.crypto.getRandomValues(new Uint32Array(1))[0] & 0x7fffffff;
  }
}

function readChunk(secret: Uint8Array, j: number): number {
  let v = 0;
  for (let b = Math.min(secret.length, (j + 1) * CHUNK_BYTES) - 1; b >= j * CHUNK_BYTES; b--) v = v * 256 + secret[b];
  return v;
}

function writeChunk(secret: Uint8Array, j: number, v: number): void {
  const end = Math.min(secret.length, (j + 1) * CHUNK_BYTES);
  for (let b = j * CHUNK_BYTES; b < end; b++) {
    secret[b] = v & 0xff;
    v = Math.floor(v / 256);
  }
  if (v !== 0) throw new Error('these Shamir shares do not determine a secret (fewer than t of them, or corrupted)');
}
