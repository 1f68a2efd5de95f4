// The messages of the four SecAgg stages (Bonawitz et al. 2017 Fig. 4; the stage names of Flower's
// SecAggPlusWorkflow). Client and server talk only through these objects; the server never gets a plaintext input.
import type { Share } from './shamir';

/** Stage AdvertiseKeys, client → server: c_u^PK and s_u^PK as raw uncompressed P-256 points. */
export interface AdvertiseKeys {
  kind: 'advertise-keys';
  clientId: number;
  cPublicKey: Uint8Array<ArrayBuffer>;
  sPublicKey: Uint8Array<ArrayBuffer>;
}

/** Server → client after AdvertiseKeys: its neighbours' keys, whom to share with, and t. */
export interface KeyDirectory {
  kind: 'key-directory';
  threshold: number;
  neighbours: readonly AdvertiseKeys[];
  shareHolders: readonly number[];
}

/** e_uv = AE.enc(KA(c_u^SK, c_v^PK), u ‖ v ‖ b_u-share ‖ s_u^SK-share), opaque to the server that routes it. */
export interface EncryptedShares {
  from: number;
  to: number;
  iv: Uint8Array<ArrayBuffer>;
  ciphertext: Uint8Array<ArrayBuffer>;
}

/** Stage ShareKeys, client → server: one ciphertext per other share holder. */
export interface ShareKeys {
  kind: 'share-keys';
  clientId: number;
  ciphertexts: readonly EncryptedShares[];
}

/** Stage MaskedInputCollection, client → server: y_u = x_u + PRG(b_u) + Σ_v p_uv mod 2^32. */
export interface MaskedInput {
  kind: 'masked-input';
  clientId: number;
  masked: Uint32Array;
}

/** Stage Unmasking, server → client: which of the clients it holds shares of survived, and which dropped. */
export interface UnmaskingRequest {
  kind: 'unmasking-request';
  surviving: readonly number[];
  dropped: readonly number[];
}

export interface OwnedShare {
  owner: number;
  share: Share;
}

/** Stage Unmasking, client → server: b-shares of surviving owners, s^SK-shares of dropped ones. */
export interface UnmaskingResponse {
  kind: 'unmasking';
  clientId: number;
  selfMaskShares: readonly OwnedShare[];
  secretKeyShares: readonly OwnedShare[];
}

export type ClientMessage = AdvertiseKeys | ShareKeys | MaskedInput | UnmaskingResponse;

/** Ids inside a message body (a ciphertext's recipient, a share's owner) travel as 4-byte integers. */
const ID_BYTES = 4;

/** Payload bytes of a client → server message; the sender id and transport framing are not counted. */
export function uploadBytes(message: ClientMessage): number {
  switch (message.kind) {
    case 'advertise-keys':
      return message.cPublicKey.length + message.sPublicKey.length;
    case 'share-keys':
      return message.ciphertexts.reduce((sum, e) => sum + ID_BYTES + e.iv.length + e.ciphertext.length, 0);
    case 'masked-input':
      return 4 * message.masked.length;
    case 'unmasking':
      return [...message.selfMaskShares, ...message.secretKeyShares].reduce(
        (sum, { share }) => sum + ID_BYTES + 4 * share.y.length,
        0,
      );
  }
}
