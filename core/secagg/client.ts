// One SecAgg client (Bonawitz et al. 2017 Fig. 4, the user side), with SecAgg+ neighbourhoods (Bell et al. 2020):
// it learns its neighbours and share holders from the server's KeyDirectory and talks only through messages.
import { rngFor } from '../rng';
import { agreeSeed, exportPublicKey, exportSecretKey, generateKeyPair, importPublicKey } from './keys';
import { addPairwiseMask, selfMask } from './masks';
import type {
  AdvertiseKeys,
  EncryptedShares,
  KeyDirectory,
  MaskedInput,
  OwnedShare,
  ShareKeys,
  UnmaskingRequest,
  UnmaskingResponse,
} from './messages';
import { SEED_BYTES } from './prg';
import { quantize } from './quantize';
import { addInto } from './ring';
import { sharePoint, splitSecret } from './shamir';
import { agreeCipherKey, openShares, sealShares, type SharePayload } from './shareCipher';

export interface SecAggClientConfig {
  clientId: number;
  seed: number;
  round: number;
  clipRange: number;
}

interface KeyState {
  c: CryptoKeyPair;
  s: CryptoKeyPair;
}

interface NeighbourState {
  /** AE key KA(c_u^SK, c_v^PK) per neighbour v. */
  cipherKeys: Map<number, CryptoKey>;
  /** s_v^PK per neighbour v. */
  maskingKeys: Map<number, CryptoKey>;
  /** b_u, the self-mask seed. */
  selfSeed: Uint8Array<ArrayBuffer>;
  /** u's own shares when u is one of its share holders (complete graph). */
  ownShares: SharePayload | null;
}

export class SecAggClient {
  readonly clientId: number;
  private readonly config: SecAggClientConfig;
  private keys: KeyState | null = null;
  private neighbours: NeighbourState | null = null;
  /** e_vu received in MaskedInputCollection, decrypted only when Unmasking asks for them. */
  private readonly received = new Map<number, EncryptedShares>();

  constructor(config: SecAggClientConfig) {
    this.clientId = config.clientId;
    this.config = config;
  }

  /** AdvertiseKeys: KA.gen twice, send both public keys. */
  async advertiseKeys(): Promise<AdvertiseKeys> {
    const [c, s] = await Promise.all([generateKeyPair('cipher'), generateKeyPair('masking')]);
    this.keys = { c, s };
    const [cPublicKey, sPublicKey] = await Promise.all([exportPublicKey(c.publicKey), exportPublicKey(s.publicKey)]);
    return { kind: 'advertise-keys', clientId: this.clientId, cPublicKey, sPublicKey };
  }

  /** ShareKeys: draw b_u, t-of-h share b_u and s_u^SK among the share holders, encrypt each holder's pair of shares. */
  async shareKeys(directory: KeyDirectory): Promise<ShareKeys> {
    const keys = this.requireKeys();
    const cipherKeys = new Map<number, CryptoKey>();
    const maskingKeys = new Map<number, CryptoKey>();
    for (const peer of directory.neighbours) {
      if (peer.clientId === this.clientId || cipherKeys.has(peer.clientId)) {
        throw new Error(`client ${this.clientId} got an invalid neighbour list`);
      }
      const [cPeer, sPeer] = await Promise.all([importPublicKey(peer.cPublicKey), importPublicKey(peer.sPublicKey)]);
      cipherKeys.set(peer.clientId, await agreeCipherKey(keys.c.privateKey, cPeer));
      maskingKeys.set(peer.clientId, sPeer);
    }
    const selfSeed = globalThis.crypto.getRandomValues(new Uint8Array(SEED_BYTES));
    const secretKey = await exportSecretKey(keys.s.privateKey);
    const points = directory.shareHolders.map(sharePoint);
    const bShares = splitSecret(selfSeed, directory.threshold, points);
    const skShares = splitSecret(secretKey, directory.threshold, points);
    let ownShares: SharePayload | null = null;
    const ciphertexts: EncryptedShares[] = [];
    for (const [i, holder] of directory.shareHolders.entries()) {
      const payload = { from: this.clientId, to: holder, selfMaskShare: bShares[i], secretKeyShare: skShares[i] };
      if (holder === this.clientId) {
        ownShares = payload;
        continue;
      }
      const key = cipherKeys.get(holder);
      if (key === undefined) throw new Error(`client ${this.clientId} was told to share with non-neighbour ${holder}`);
      ciphertexts.push(await sealShares(key, payload));
    }
    this.neighbours = { cipherKeys, maskingKeys, selfSeed, ownShares };
    return { kind: 'share-keys', clientId: this.clientId, ciphertexts };
  }

  /**
   * MaskedInputCollection: keep the ciphertexts addressed to u, then send
   * y_u = q(x_u) + PRG(b_u) + Σ_{v ∈ neighbours} p_uv mod 2^32 (Bonawitz et al. 2017 §4).
   */
  async maskInput(ciphertexts: readonly EncryptedShares[], input: Float32Array): Promise<MaskedInput> {
    const keys = this.requireKeys();
    const state = this.requireNeighbours();
    for (const e of ciphertexts) {
      if (e.to !== this.clientId || !state.cipherKeys.has(e.from)) throw new Error(`client ${this.clientId} got a misrouted share`);
      this.received.set(e.from, e);
    }
    const { seed, round, clipRange } = this.config;
    const d = input.length;
    const masked = quantize(input, clipRange, rngFor(seed, 'secagg-quantize', round, this.clientId));
    addInto(masked, await selfMask(state.selfSeed, round, d));
    for (const [v, peerKey] of state.maskingKeys) {
      await addPairwiseMask(masked, await agreeSeed(keys.s.privateKey, peerKey), round, this.clientId, v);
    }
    return { kind: 'masked-input', clientId: this.clientId, masked };
  }

  /**
   * Unmasking: a b-share for every surviving owner, an s^SK-share for every dropped one — never both for the same
   * owner, or the server could unmask that owner's input (Bonawitz et al. 2017 §4, round 4).
   */
  async unmask(request: UnmaskingRequest): Promise<UnmaskingResponse> {
    const surviving = new Set(request.surviving);
    const both = request.dropped.find((w) => surviving.has(w));
    if (both !== undefined) {
      throw new Error(`client ${this.clientId} refuses to reveal both shares of client ${both}`);
    }
    if (request.dropped.includes(this.clientId)) throw new Error(`client ${this.clientId} is alive but was reported dropped`);
    const payloadOf = async (owner: number): Promise<SharePayload> => {
      const state = this.requireNeighbours();
      if (owner === this.clientId && state.ownShares !== null) return state.ownShares;
      const e = this.received.get(owner);
      const key = state.cipherKeys.get(owner);
      if (e === undefined || key === undefined) throw new Error(`client ${this.clientId} holds no share of client ${owner}`);
      return openShares(key, e);
    };
    const selfMaskShares: OwnedShare[] = [];
    for (const owner of request.surviving) selfMaskShares.push({ owner, share: (await payloadOf(owner)).selfMaskShare });
    const secretKeyShares: OwnedShare[] = [];
    for (const owner of request.dropped) secretKeyShares.push({ owner, share: (await payloadOf(owner)).secretKeyShare });
    return { kind: 'unmasking', clientId: this.clientId, selfMaskShares, secretKeyShares };
  }

  private requireKeys(): KeyState {
    if (this.keys === null) throw new Error(`client ${this.clientId}: AdvertiseKeys has not run`);
    return this.keys;
  }

  private requireNeighbours(): NeighbourState {
    if (this.neighbours === null) throw new Error(`client ${this.clientId}: ShareKeys has not run`);
    return this.neighbours;
  }
}
