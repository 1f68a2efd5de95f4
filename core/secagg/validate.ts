// Checks on a secure-sum request, so a bad request fails before any key is generated, with a message that names the
// setting or client at fault. These are errors (the run stops), not a round the protocol could not recover.
import { MAX_SUMMANDS } from './quantize';
import type { SecureSumOptions } from './secureSum';
import { SHAMIR_PRIME } from './shamir';

/** The largest client id: its Shamir point id + 1 must stay below p. */
const MAX_CLIENT_ID = SHAMIR_PRIME - 2;

export function validateSecureSum(options: SecureSumOptions): void {
  const { seed, round, participants, inputs, thresholdFraction, neighbours, clipRange } = options;
  const fail = (message: string): never => {
    throw new Error(`secure aggregation in round ${round}: ${message}`);
  };
  if (!Number.isInteger(seed)) fail(`the seed must be an integer, got ${seed}`);
  if (!Number.isSafeInteger(round) || round < 0) fail(`the round must be a non-negative integer, got ${round}`);
  if (participants.length < 2) fail(`needs at least 2 participants, got ${participants.length}`);
  participants.forEach((id, i) => {
    if (!Number.isInteger(id) || id < 0 || id > MAX_CLIENT_ID) fail(`client id ${id} is not an integer in [0, ${MAX_CLIENT_ID}]`);
    if (i > 0 && id <= participants[i - 1]) fail('participants must be listed in strictly ascending id order');
  });
  if (!(thresholdFraction > 0.5 && thresholdFraction <= 1)) {
    fail(`secureAggregation.thresholdFraction must be in (0.5, 1], got ${thresholdFraction}`);
  }
  const allPairs = neighbours === null || neighbours >= participants.length - 1;
  if (neighbours !== null && !(Number.isInteger(neighbours) && neighbours >= 2 && (allPairs || neighbours % 2 === 0))) {
    fail(`secureAggregation.neighbours must be an even integer ≥ 2 (or ≥ n − 1 = ${participants.length - 1} for all pairs), got ${neighbours}`);
  }
  if (!(clipRange > 0 && Number.isFinite(clipRange))) fail(`secureAggregation.clipRange must be a positive number, got ${clipRange}`);
  if (inputs.size > MAX_SUMMANDS) {
    fail(`${inputs.size} survivors would overflow the 32-bit ring (at most ${MAX_SUMMANDS} inputs of 22 bits each)`);
  }
  const sampled = new Set(participants);
  let d: number | null = null;
  for (const [id, x] of inputs) {
    if (!sampled.has(id)) fail(`client ${id} sent an input but is not among the round's participants`);
    d ??= x.length;
    if (x.length !== d) fail(`client ${id}'s input has ${x.length} coordinates, expected ${d} like the others`);
    const nan = x.findIndex(Number.isNaN);
    if (nan >= 0) fail(`client ${id}'s input is NaN at coordinate ${nan}`);
  }
}
