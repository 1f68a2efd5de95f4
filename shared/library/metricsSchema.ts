// Validates a run's metrics as sent over the API (the `fedstudio run --out` JSON), every value within what it can be.
// JSON has no NaN, so undefined values travel as null; parsing turns them back into NaN, giving the engine's RoundMetrics.
import { z } from 'zod';
import { migrateConfig } from '../../core/config/migrations';
import { ConfigError, experimentSchema } from '../../core/config/schema';
import type { ClientRoundMetrics, RoundMetrics, RunEnvironment, SecureAggregationMetrics } from '../../core/report/metrics';
import { MAX_ROUNDS } from './limits';

/** What a measured value can be; `is` completes "must be …" in error messages. */
export interface Range {
  min: number;
  max: number;
  is: string;
}

export const inRange = (range: Range, v: number): boolean => v >= range.min && v <= range.max;

export const ACCURACY: Range = { min: 0, max: 1, is: 'an accuracy between 0 and 1' };
const FRACTION: Range = { min: 0, max: 1, is: 'a fraction between 0 and 1' };
// Softmax cross-entropy of float32 logits is at most the gap between two of them (the + log #classes is lost in rounding).
const FLOAT32_MAX = 3.4028234663852886e38;
export const LOSS: Range = { min: 0, max: 2 * FLOAT32_MAX, is: `a loss between 0 and ${(2 * FLOAT32_MAX).toPrecision(2)}` };
// Whole milliseconds and bytes are exact up to 2⁵³, and a run's total over ≤ 1,001 rounds stays finite.
export const DURATION: Range = { min: 0, max: Number.MAX_SAFE_INTEGER, is: 'a duration between 0 and 2⁵³ ms' };
const BYTES: Range = { min: 0, max: Number.MAX_SAFE_INTEGER, is: 'a byte count between 0 and 2⁵³' };
const NORM: Range = { min: 0, max: Number.MAX_VALUE, is: 'a norm ≥ 0' };

const mustBe = (range: Range) => `must be ${range.is}`;
/** A number in `range`, as the API accepts it. */
const within = (range: Range) => z.number().refine((v) => inRange(range, v), mustBe(range));
const numberOrNaN = z.union([z.number(), z.nan()]).nullable();
const count = z.number().int().min(0);
/** ε is never NaN, but is infinite without noise (z = 0), which JSON also writes as null. */
const epsilonValue = z
  .number()
  .min(0)
  .nullable()
  .transform((v) => v ?? Infinity);
const previewValues = z.array(z.number()).max(64);

/**
 * The round schemas. A value outside its Range is refused when a run is saved; in runs saved before ranges were
 * checked it is dropped when read back (NaN, shown as "—"), so no page shows an accuracy of 750%.
 */
function roundSchemaFor(outOfRange: 'refuse' | 'drop') {
  const refuse = outOfRange === 'refuse';
  /** A number in `range`. */
  const bounded = (range: Range) => (refuse ? within(range) : z.number().transform((v) => (inRange(range, v) ? v : NaN)));
  /** A number in `range`, or NaN (null in JSON) when not measured. */
  const measured = (range: Range) =>
    refuse
      ? numberOrNaN.refine((v) => v === null || Number.isNaN(v) || inRange(range, v), mustBe(range)).transform((v) => v ?? NaN)
      : numberOrNaN.transform((v) => (v !== null && inRange(range, v) ? v : NaN));

  // `satisfies Record<keyof …>`: a field added to the engine's metrics fails to compile until it is added here
  // (unknown fields are dropped on save).
  const clientSchema = z.object({
    id: count,
    numExamples: count,
    trainLoss: measured(LOSS),
    localAccuracy: measured(ACCURACY),
    updateNorm: measured(NORM),
    dropped: z.boolean(),
    straggler: z.boolean(),
    malicious: z.boolean().optional(),
    cosineToAggregate: numberOrNaN.transform((v) => v ?? NaN).optional(),
    decision: z
      .object({
        selected: z.boolean().optional(),
        trimmedFraction: bounded(FRACTION).optional(),
        clipped: z.boolean().optional(),
        weight: bounded(FRACTION).optional(),
      })
      .optional(),
  } satisfies Record<keyof ClientRoundMetrics, z.ZodType>) satisfies z.ZodType<ClientRoundMetrics, unknown>;

  return z.object({
    round: count,
    testAccuracy: measured(ACCURACY),
    testLoss: measured(LOSS),
    federatedAccuracy: measured(ACCURACY),
    durationMs: measured(DURATION),
    bytesUp: measured(BYTES),
    bytesDown: measured(BYTES),
    clients: z.array(clientSchema).max(500),
    attackSuccess: measured(FRACTION).optional(),
    epsilon: epsilonValue.optional(),
    exampleEpsilon: epsilonValue.optional(),
    clipNorm: z.number().min(0).optional(),
    clippedFraction: measured(FRACTION).optional(),
    secureAggregation: z
      .object({
        survivors: count,
        threshold: count.optional(),
        neighbours: count.optional(),
        overheadBytes: count.optional(),
        ms: bounded(DURATION).optional(),
        preview: z
          .object({ clientId: count, from: count, masked: previewValues, input: previewValues, sum: previewValues })
          .optional(),
        error: z.string().max(1_000).optional(),
      } satisfies Record<keyof SecureAggregationMetrics, z.ZodType>)
      .optional(),
    changes: z.record(z.string().max(200), z.unknown()).optional(),
    note: z.string().max(1_000).optional(),
  } satisfies Record<keyof RoundMetrics, z.ZodType>);
}

/** A run's wall-clock time as the API accepts it. */
export const durationSchema = within(DURATION);

export const roundsSchema = z
  .array(roundSchemaFor('refuse'))
  .superRefine((rounds, ctx) => {
    // continue: false stops the checks of the enclosing run, which would repeat the problem.
    if (rounds.length === 0) ctx.addIssue({ code: 'custom', message: 'a run needs at least round 0', continue: false });
    if (rounds.length > MAX_ROUNDS + 1) {
      const message = `a run has at most ${MAX_ROUNDS.toLocaleString('en')} rounds (got ${rounds.length - 1})`;
      ctx.addIssue({ code: 'custom', message, continue: false });
      return;
    }
    const bad = rounds.findIndex((r, i) => r.round !== i);
    if (bad >= 0) {
      const message = `rounds must be numbered 0, 1, 2, … in order (expected ${bad})`;
      ctx.addIssue({ code: 'custom', path: [bad, 'round'], message, continue: false });
    }
  }) satisfies z.ZodType<RoundMetrics[], unknown>;

const storedRoundsSchema = z.array(roundSchemaFor('drop')) satisfies z.ZodType<RoundMetrics[], unknown>;

export const environmentSchema = z.strictObject({
  backend: z.enum(['wasm', 'cpu']),
  simd: z.boolean(),
  workers: z.number().int().min(1).max(256),
  runtime: z.enum(['node', 'browser']),
}) satisfies z.ZodType<RunEnvironment, unknown>;

/** A run's config: brought to the current config version (as parseConfig does), then validated by the one schema. */
const runConfigSchema = z.preprocess((config, ctx) => {
  try {
    return migrateConfig(config);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const issue of error.issues) ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
    return z.NEVER;
  }
}, experimentSchema);

/** A RunMetrics document (e.g. a `fedstudio run --out` file of an older FedStudio); its config as parseConfig takes it. */
export const runMetricsSchema = z
  .strictObject({ config: runConfigSchema, environment: environmentSchema, rounds: roundsSchema })
  .superRefine((run, ctx) => {
    const last = run.rounds.length - 1;
    if (last > run.config.rounds) {
      ctx.addIssue({ code: 'custom', path: ['rounds'], message: `has ${last} rounds but config.rounds is ${run.config.rounds}` });
    }
    // Client ids are 0 … numClients − 1, each at most once per round.
    const { numClients } = run.config.partition;
    const notAClient = `must be a client of this run: below config.partition.numClients (${numClients})`;
    run.rounds.forEach((round, r) => {
      const seen = new Set<number>();
      round.clients.forEach(({ id }, c) => {
        const message = id >= numClients ? notAClient : seen.has(id) ? 'must not repeat a client already in this round' : null;
        if (message) ctx.addIssue({ code: 'custom', path: ['rounds', r, 'clients', c, 'id'], message });
        seen.add(id);
      });
      const preview = round.secureAggregation?.preview;
      if (preview && preview.clientId >= numClients) {
        ctx.addIssue({ code: 'custom', path: ['rounds', r, 'secureAggregation', 'preview', 'clientId'], message: notAClient });
      }
    });
  });

/** Rounds as JSON carries them (NaN as null). */
export type WireRounds = z.input<typeof roundsSchema>;

/** Turns stored rounds, as JSON carries them, back into RoundMetrics (null → NaN, out-of-range values → NaN). */
export const roundsFromWire = (rounds: WireRounds): RoundMetrics[] => storedRoundsSchema.parse(rounds);
