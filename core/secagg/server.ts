// The SecAgg server (Bonawitz et al. 2017 Fig. 4, the server side; SecAgg+ neighbourhoods per Bell et al. 2020, as
// in Flower's SecAggPlusWorkflow). It only ever handles public keys, ciphertexts it cannot open, masked ring vectors
// and the shares clients choose to reveal: no plaintext input reaches this module, and it never quantizes anything.
import { SecureAggregationError } from './errors';
import type { MaskingGraph } from './graph';
import { agreeSeed, importPublicKey, importSecretKey, SECRET_KEY_BYTES } from './keys';
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
import { addInto, subtractInto } from './ring';
import { reconstructSecret, sharePoint, type Share } from './shamir';

export interface SecAggServerConfig {
  round: number;
  /** Every sampled client, ascending; all of them advertise keys and share them. */
  participants: readonly number[];
  graph: MaskingGraph;
  threshold: number;
}

const ADVICE = 'lower system.dropoutProb or secureAggregation.thresholdFraction';

export class SecAggServer {
  private readonly config: SecAggServerConfig;
  private readonly keys = new Map<number, AdvertiseKeys>();
  private survivors: ReadonlySet<number> | null = null;
  /** Σ_{u ∈ survivors} y_u mod 2^32, still carrying self-masks and the pairwise masks toward dropped clients. */
  private maskedSum: Uint32Array | null = null;

  constructor(config: SecAggServerConfig) {
    this.config = config;
  }

  /** AdvertiseKeys → ShareKeys: forward each client its neighbours' public keys, its share holders and t. */
  receiveKeys(adverts: readonly AdvertiseKeys[]): Map<number, KeyDirectory> {
    for (const a of adverts) this.keys.set(a.clientId, a);
    const missing = this.config.participants.find((u) => !this.keys.has(u));
    if (missing !== undefined || this.keys.size !== this.config.participants.length) {
      throw new Error(`every participant must advertise keys exactly once (client ${missing} did not)`);
    }
    const { graph, threshold } = this.config;
    return new Map(
      this.config.participants.map((u) => [
        u,
        {
          kind: 'key-directory',
          threshold,
          neighbours: lookup(graph.neighbours, u).map((v) => lookup(this.keys, v)),
          shareHolders: lookup(graph.shareHolders, u),
        },
      ]),
    );
  }

  /** ShareKeys → MaskedInputCollection: route every ciphertext e_uv to v, unopened. */
  routeShares(messages: readonly ShareKeys[]): Map<number, EncryptedShares[]> {
    const inbox = new Map<number, EncryptedShares[]>(this.config.participants.map((u) => [u, []]));
    for (const m of messages) {
      const holders = this.config.graph.shareHolders.get(m.clientId);
      for (const e of m.ciphertexts) {
        if (e.from !== m.clientId || !holders?.includes(e.to)) {
          throw new Error(`client ${m.clientId} sent a share ciphertext addressed ${e.from} → ${e.to}`);
        }
        lookup(inbox, e.to).push(e);
      }
    }
    return inbox;
  }

  /**
   * MaskedInputCollection → Unmasking: add up the y_u, check every needed secret still has t live share holders,
   * and ask each survivor for the shares it holds: b-shares of survivors, s^SK-shares of dropped clients.
   */
  receiveMaskedInputs(inputs: readonly MaskedInput[]): Map<number, UnmaskingRequest> {
    const { round, participants, graph, threshold } = this.config;
    const survivors = new Set(inputs.map((m) => m.clientId));
    if (survivors.size !== inputs.length || inputs.some((m) => !this.keys.has(m.clientId))) {
      throw new Error('masked inputs must come from distinct participants');
    }
    if (survivors.size < threshold) {
      throw new SecureAggregationError(
        `secure aggregation failed in round ${round}: only ${survivors.size} of ${participants.length} clients survived, ` +
          `below the threshold t = ${threshold} — ${ADVICE}`,
      );
    }
    for (const u of participants) this.checkRecoverable(u, survivors);
    const d = inputs[0].masked.length;
    const sum = new Uint32Array(d);
    for (const m of inputs) {
      if (m.masked.length !== d) throw new Error(`client ${m.clientId} sent ${m.masked.length} coordinates, expected ${d}`);
      addInto(sum, m.masked);
    }
    this.survivors = survivors;
    this.maskedSum = sum;
    const requests = new Map<number, UnmaskingRequest>();
    for (const v of survivors) {
      const owners = participants.filter((w) => lookup(graph.shareHolders, w).includes(v));
      requests.set(v, {
        kind: 'unmasking-request',
        surviving: owners.filter((w) => survivors.has(w)),
        dropped: owners.filter((w) => !survivors.has(w)),
      });
    }
    return requests;
  }

  /**
   * Unmasking: rebuild b_u of every survivor and s_u^SK of every dropped client from t shares, then
   * Σ x_u = Σ y_u − Σ_{u alive} PRG(b_u) − Σ_{u dropped, v alive neighbour} p_vu (mod 2^32), with −p_vu = p_uv.
   */
  async unmask(responses: readonly UnmaskingResponse[]): Promise<Uint32Array> {
    const survivors = this.survivors;
    const sum = this.maskedSum;
    if (survivors === null || sum === null) throw new Error('Unmasking before MaskedInputCollection');
    const { round, participants, graph } = this.config;
    if (new Set(responses.map((r) => r.clientId)).size !== responses.length || responses.some((r) => !survivors.has(r.clientId))) {
      throw new Error('unmasking responses must come from distinct survivors');
    }
    const selfMaskShares = sharesByOwner(responses, (r) => r.selfMaskShares);
    const secretKeyShares = sharesByOwner(responses, (r) => r.secretKeyShares);
    const d = sum.length;
    for (const u of survivors) {
      const b = this.reconstruct(u, selfMaskShares, SEED_BYTES);
      subtractInto(sum, await selfMask(b, round, d));
    }
    for (const u of participants) {
      const alive = lookup(graph.neighbours, u).filter((v) => survivors.has(v));
      if (survivors.has(u) || alive.length === 0) continue;
      const secretKey = await importSecretKey(this.reconstruct(u, secretKeyShares, SECRET_KEY_BYTES), lookup(this.keys, u).sPublicKey);
      for (const v of alive) {
        const sharedSeed = await agreeSeed(secretKey, await importPublicKey(lookup(this.keys, v).sPublicKey));
        await addPairwiseMask(sum, sharedSeed, round, u, v); // + p_uv cancels v's leftover p_vu
      }
    }
    this.maskedSum = null;
    return sum;
  }

  /** u's secrets must be recoverable if anyone's sum depends on them: u survived, or a neighbour of u did. */
  private checkRecoverable(u: number, survivors: ReadonlySet<number>): void {
    const { round, graph, threshold } = this.config;
    const alive = survivors.has(u);
    if (!alive && !lookup(graph.neighbours, u).some((v) => survivors.has(v))) return;
    const holders = lookup(graph.shareHolders, u);
    const live = holders.filter((h) => survivors.has(h)).length;
    if (live >= threshold) return;
    const what = alive
      ? `only ${live} of the ${holders.length} share holders of client ${u} survived, below the threshold t = ${threshold}, so its self-mask cannot be removed`
      : `client ${u} dropped out and only ${live} of its ${holders.length} share holders survived, below the threshold t = ${threshold}, so its pairwise masks cannot be removed`;
    throw new SecureAggregationError(
      `secure aggregation failed in round ${round}: ${what} — raise secureAggregation.neighbours, or ${ADVICE}`,
    );
  }

  /** SS.recon from any t of the shares revealed for `owner` (Lagrange at 0). */
  private reconstruct(owner: number, shares: ReadonlyMap<number, Share[]>, byteLength: number): Uint8Array<ArrayBuffer> {
    const { round, threshold } = this.config;
    const got = shares.get(owner) ?? [];
    if (got.length < threshold) {
      throw new SecureAggregationError(
        `secure aggregation failed in round ${round}: only ${got.length} shares of client ${owner} arrived, below the threshold t = ${threshold}`,
      );
    }
    return reconstructSecret(got.slice(0, threshold), byteLength);
  }
}

/** The revealed shares grouped by owner; a share must sit at its sender's evaluation point. */
function sharesByOwner(
  responses: readonly UnmaskingResponse[],
  pick: (r: UnmaskingResponse) => readonly OwnedShare[],
): Map<number, Share[]> {
  const byOwner = new Map<number, Share[]>();
  for (const r of responses) {
    for (const { owner, share } of pick(r)) {
      if (share.x !== sharePoint(r.clientId)) throw new Error(`client ${r.clientId} revealed a share at the wrong point`);
      const list = byOwner.get(owner) ?? [];
      list.push(share);
      byOwner.set(owner, list);
    }
  }
  return byOwner;
}

function lookup<V>(map: ReadonlyMap<number, V>, clientId: number): V {
  const value = map.get(clientId);
  if (value === undefined) throw new Error(`client ${clientId} is not a participant of this round`);
  return value;
}
