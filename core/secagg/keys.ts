// Key agreement of Bonawitz et al. 2017 §3 (Diffie–Hellman KA.gen / KA.agree), instantiated with ECDH on P-256
// through WebCrypto. Each client holds two pairs: c (its shares are encrypted under KA(c_u, c_v)) and s (masking).

const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;

/** An uncompressed P-256 point 0x04 ‖ x ‖ y, as `exportKey('raw')` gives it. */
export const PUBLIC_KEY_BYTES = 65;
/** The private scalar d of a P-256 key. */
export const SECRET_KEY_BYTES = 32;

/**
 * KA.gen. The cipher pair c only derives AES-GCM keys; the masking pair s derives the raw seeds s_uv, and its private
 * key is extractable because its scalar is Shamir-shared.
 */
export function generateKeyPair(purpose: 'cipher' | 'masking'): Promise<CryptoKeyPair> {
  return purpose === 'cipher'
    ? globalThis.crypto.subtle.generateKey(ECDH, false, ['deriveKey'])
    : globalThis.crypto.subtle.generateKey(ECDH, true, ['deriveBits']);
}

export async function exportPublicKey(key: CryptoKey): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await globalThis.crypto.subtle.exportKey('raw', key));
}

export function importPublicKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return globalThis.crypto.subtle.importKey('raw', raw, ECDH, false, []);
}

/** The 32-byte private scalar (JWK member d): what the client Shamir-shares as s_u^SK. */
export async function exportSecretKey(key: CryptoKey): Promise<Uint8Array<ArrayBuffer>> {
  const jwk = await globalThis.crypto.subtle.exportKey('jwk', key);
  if (jwk.d === undefined) throw new Error('expected a private key');
  return fromBase64Url(jwk.d);
}

/** Rebuild s_u^SK from its reconstructed scalar and the public key u advertised (JWK needs x and y too). */
export function importSecretKey(d: Uint8Array, publicRaw: Uint8Array): Promise<CryptoKey> {
  if (d.length !== SECRET_KEY_BYTES || publicRaw.length !== PUBLIC_KEY_BYTES || publicRaw[0] !== 4) {
    throw new RangeError('expected a 32-byte P-256 scalar and a 65-byte uncompressed public key');
  }
  const jwk: JsonWebKey = {
    kty: 'EC',
    crv: 'P-256',
    x: toBase64Url(publicRaw.subarray(1, 33)),
    y: toBase64Url(publicRaw.subarray(33, 65)),
    d: toBase64Url(d),
  };
  return globalThis.crypto.subtle.importKey('jwk', jwk, ECDH, false, ['deriveBits']);
}

/** s_uv = KA.agree(s_u^SK, s_v^PK): the 256-bit ECDH x-coordinate, equal on both sides. */
export async function agreeSeed(privateKey: CryptoKey, peerPublic: CryptoKey): Promise<Uint8Array<ArrayBuffer>> {
  const bits = await globalThis.crypto.subtle.deriveBits({ name: 'ECDH', public: peerPublic }, privateKey, 256);
  return new Uint8Array(bits);
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}
