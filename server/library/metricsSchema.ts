// Validates a run's metrics as sent over the API (the `fedstudio run --out` JSON). JSON has no NaN, so undefined
// values travel as null; parsing turns them back into NaN, giving the engine's RoundMetrics.
import { z } from 'zod';
import { experimentSchema } from '../../core/config/schema';
import type { ClientRoundMetrics, RoundMetrics, RunEnvironment, SecureAggregationMetrics } from '../../core/engine/types';
import { MAX_ROUNDS } from './limits';

const numberOrNaN = z
  .union([z.number(), z.nan()])
  .nullable()
  .transform((v) => v ?? NaN);
const count = z.number().int().min(0);
/** ε is never NaN, but is infinite without noise (z = 0), which JSON also writes as null. */
const epsilonValue = z
  .number()
  .min(0)
  .nullable()
  .transform((v) => v ?? Infinity);
const previewValues = z.array(z.number()).max(64);

// `satisfies Record<keyof …>`: a field added to the engine's metrics fails to compile until it is added here
// (unknown fields are dropped on save).
const clientSchema = z.object({
  id: count,
  numExamples: count,
  trainLoss: numberOrNaN,
  localAccuracy: numberOrNaN,
  updateNorm: numberOrNaN,
  dropped: z.boolean(),
  straggler: z.boolean(),
  malicious: z.boolean().optional(),
  cosineToAggregate: numberOrNaN.optional(),
  decision: z
    .object({
      selected: z.boolean().optional(),
      trimmedFraction: z.number().optional(),
      clipped: z.boolean().optional(),
      weight: z.number().optional(),
    })
    .optional(),
} satisfies Record<keyof ClientRoundMetrics, z.ZodType>) satisfies z.ZodType<ClientRoundMetrics, unknown>;

const roundSchema = z.object({
  round: count,
  testAccuracy: numberOrNaN,
  testLoss: numberOrNaN,
  federatedAccuracy: numberOrNaN,
  durationMs: numberOrNaN,
  bytesUp: numberOrNaN,
  bytesDown: numberOrNaN,
  clients: z.array(clientSchema).max(500),
  attackSuccess: numberOrNaN.optional(),
  epsilon: epsilonValue.optional(),
  exampleEpsilon: epsilonValue.optional(),
  clipNorm: z.number().min(0).optional(),
  clippedFraction: numberOrNaN.optional(),
  secureAggregation: z
    .object({
      survivors: count,
      threshold: count.optional(),
      neighbours: count.optional(),
      overheadBytes: count.optional(),
      ms: z.number().min(0).optional(),
      preview: z
        .object({ clientId: count, from: count, masked: previewValues, input: previewValues, sum: previewValues })
        .optional(),
      error: z.string().max(1_000).optional(),
    } satisfies Record<keyof SecureAggregationMetrics, z.ZodType>)
    .optional(),
  note: z.string().max(1_000).optional(),
} satisfies Record<keyof RoundMetrics, z.ZodType>);

export const roundsSchema = z
  .array(roundSchema)
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

export const environmentSchema = z.strictObject({
  backend: z.enum(['wasm', 'cpu']),
  simd: z.boolean(),
  workers: z.number().int().min(1).max(256),
  runtime: z.enum(['node', 'browser']),
}) satisfies z.ZodType<RunEnvironment, unknown>;

/** A RunMetrics document; the config is validated by the one experiment schema. */
export const runMetricsSchema = z
  .strictObject({ config: experimentSchema, environment: environmentSchema, rounds: roundsSchema })
  .superRefine((run, ctx) => {
    const last = run.rounds.length - 1;
    if (last > run.config.rounds) {
      ctx.addIssue({ code: 'custom', path: ['rounds'], message: `has ${last} rounds but config.rounds is ${run.config.rounds}` });
    }
  });

/** Rounds as JSON carries them (NaN as null). */
export type WireRounds = z.input<typeof roundsSchema>;

/** Turns rounds received over JSON back into RoundMetrics (null → NaN). */
export const roundsFromWire = (rounds: WireRounds): RoundMetrics[] => roundsSchema.parse(rounds);
