// Authenticated encryption of the share messages (Bonawitz et al. 2017 §3: AE keyed with KA(c_u^SK, c_v^PK); their
// implementation uses AES-GCM). The ECDH secret goes straight into a WebCrypto AES-256-GCM key via deriveKey; both
// directions of a pair use that key, so every message gets a fresh random 96-bit IV.
import type { EncryptedShares } from './messages';
import { shareFromBytes, sharePoint, shareToBytes, type Share } from './shamir';

const IV_BYTES = 12;

/** u's shares for holder v: of the self-mask seed b_u and of the masking secret key s_u^SK. */
export interface SharePayload {
  from: number;
  to: number;
  selfMaskShare: Share;
  secretKeyShare: Share;
}

/** KA.agree(c_u^SK, c_v^PK) as an AES-GCM key. */
export function agreeCipherKey(privateKey: CryptoKey, peerPublic: CryptoKey): Promise<CryptoKey> {
  return globalThis.crypto.subtle.deriveKey(
    { name: 'ECDH', public: peerPublic },
    privateKey,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** e_uv = AE.enc(k_uv, u ‖ v ‖ b_u-share ‖ s_u^SK-share); ids are uint32 big-endian, shares as shareToBytes. */
export async function sealShares(key: CryptoKey, payload: SharePayload): Promise<EncryptedShares> {
  const b = shareToBytes(payload.selfMaskShare);
  const sk = shareToBytes(payload.secretKeyShare);
  if (b.length !== sk.length) throw new RangeError('both shared secrets must have the same length');
  const plain = new Uint8Array(8 + b.length + sk.length);
  const view = new DataView(plain.buffer);
  view.setUint32(0, payload.from);
  view.setUint32(4, payload.to);
  plain.set(b, 8);
  plain.set(sk, 8 + b.length);
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const ciphertext = new Uint8Array(await globalThis.crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain));
  return { from: payload.from, to: payload.to, iv, ciphertext };
}

/** AE.dec, then check the ids inside match the routing (Bonawitz: "assert u = u′ ∧ v = v′"). */
export async function openShares(key: CryptoKey, message: EncryptedShares): Promise<SharePayload> {
  const plain = new Uint8Array(
    await globalThis.crypto.subtle.decrypt({ name: 'AES-GCM', iv: message.iv }, key, message.ciphertext),
  );
  const view = new DataView(plain.buffer);
  const from = view.getUint32(0);
  const to = view.getUint32(4);
  if (from !== message.from || to !== message.to) {
    throw new Error(`share ciphertext claims ${message.from} → ${message.to} but contains ${from} → ${to}`);
  }
  const half = (plain.length - 8) / 2;
  return {
    from,
    to,
    selfMaskShare: shareFromBytes(sharePoint(to), plain.subarray(8, 8 + half)),
    secretKeyShare: shareFromBytes(sharePoint(to), plain.subarray(8 + half)),
  };
}
