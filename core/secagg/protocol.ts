// One SecAgg round, stage by stage (Bonawitz et al. 2017 Fig. 4; Flower's SecAggPlusWorkflow stages): clients and
// server exchange only message objects. Every sampled client takes part in the key stages; those missing from
// `inputs` drop out after ShareKeys, the point where recovery through Shamir shares is needed.
import { SecAggClient } from './client';
import { buildMaskingGraph } from './graph';
import { uploadBytes, type ClientMessage, type MaskedInput } from './messages';
import type { SecureSumOptions } from './secureSum';
import { SecAggServer } from './server';
import { shamirThreshold } from './threshold';
import { validateSecureSum } from './validate';

export interface SecAggRoundOutcome {
  /** Σ over survivors of their quantized inputs, mod 2^32, as the server unmasked it. */
  ringSum: Uint32Array;
  survivors: number[];
  threshold: number;
  degree: number;
  uploadBytes: number;
  /** Every y_u the server received, in ascending client id order. */
  maskedInputs: MaskedInput[];
}

export async function runSecAggRound(options: SecureSumOptions): Promise<SecAggRoundOutcome> {
  validateSecureSum(options);
  const { seed, round, participants, inputs, thresholdFraction, clipRange } = options;
  const graph = buildMaskingGraph(seed, round, participants, options.neighbours);
  const threshold = shamirThreshold(thresholdFraction, graph.holdersPerClient);
  const server = new SecAggServer({ round, participants, graph, threshold });
  const clients = new Map(participants.map((clientId) => [clientId, new SecAggClient({ clientId, seed, round, clipRange })]));
  let bytes = 0;
  const sent = <M extends ClientMessage>(messages: M[]): M[] => {
    for (const m of messages) bytes += uploadBytes(m);
    return messages;
  };
  const each = <T>(ids: readonly number[], stage: (client: SecAggClient, id: number) => Promise<T>): Promise<T[]> =>
    Promise.all(ids.map((id) => stage(at(clients, id), id)));

  const directories = server.receiveKeys(sent(await each(participants, (c) => c.advertiseKeys())));
  const inboxes = server.routeShares(sent(await each(participants, (c, id) => c.shareKeys(at(directories, id)))));
  const survivors = participants.filter((id) => inputs.has(id));
  const masked = sent(await each(survivors, (c, id) => c.maskInput(at(inboxes, id), at(inputs, id))));
  const requests = server.receiveMaskedInputs(masked);
  const ringSum = await server.unmask(sent(await each(survivors, (c, id) => c.unmask(at(requests, id)))));
  return {
    ringSum,
    survivors,
    threshold,
    degree: graph.degree,
    uploadBytes: bytes,
    maskedInputs: masked,
  };
}

function at<V>(map: ReadonlyMap<number, V>, id: number): V {
  const value = map.get(id);
  if (value === undefined) throw new Error(`no message for client ${id}`);
  return value;
}
