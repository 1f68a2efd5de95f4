// zod inputs of the library API. The experiment config is always validated by core's experimentSchema.
import { z } from 'zod';
import { MAX_VARIANT_LABEL, MAX_VARIANTS } from '../../core/config/variants';
import { KEY_PARAMS, type KeyParams } from '../../shared/library/keyParams';
import { COMPARE_MAX, COMPARE_MIN, MAX_NAME_LENGTH, MAX_NOTES_LENGTH, MAX_QUERY_LENGTH } from '../../shared/library/limits';
import { durationSchema, runMetricsSchema } from '../../shared/library/metricsSchema';

const id = z.string().min(1).max(100);

/** A run's name (trimmed, not empty) and notes, as the API and `fedstudio run --save` accept them. */
export const runNameSchema = z
  .string()
  .trim()
  .max(MAX_NAME_LENGTH)
  .refine((s) => s.length > 0, 'must not be empty');
export const runNotesSchema = z.string().max(MAX_NOTES_LENGTH);

/** A variant's place in its run group (core/config/variants.ts: at most MAX_VARIANTS runs, the base at 0). */
export const runGroupSchema = z.strictObject({
  id: z
    .string()
    .trim()
    .max(100)
    .refine((s) => s.length > 0, 'must not be empty (one id shared by the group’s runs)'),
  /** 0 = the base, then 1 … MAX_VARIANTS − 1. */
  index: z.number().int().min(0).max(MAX_VARIANTS - 1),
  label: z
    .string()
    .trim()
    .max(MAX_VARIANT_LABEL)
    .refine((s) => s.length > 0, 'must not be empty (e.g. "median")'),
});

export const saveRunInput = z.strictObject({
  /** Defaults to the config's name. */
  name: runNameSchema.optional(),
  notes: runNotesSchema.default(''),
  /** Wall-clock time of the run; defaults to the sum of the rounds' durations. */
  durationMs: durationSchema.optional(),
  metrics: runMetricsSchema,
  /** Set when the run is one variant of a group run side by side. */
  group: runGroupSchema.optional(),
});
export type SaveRunInput = z.output<typeof saveRunInput>;

const filters = z
  .strictObject(Object.fromEntries(KEY_PARAMS.map((k) => [k, z.string().max(100).optional()])) as Record<
    keyof KeyParams,
    z.ZodOptional<z.ZodString>
  >)
  .default({});

export const listInput = z
  .strictObject({
    /** Words matched (all of them, case-insensitively) against names, notes and key parameters. */
    query: z.string().max(MAX_QUERY_LENGTH).default(''),
    /** Exact key-parameter values, e.g. { dataset: 'mnist', strategy: 'fedprox' }. */
    filters,
    /** Only this experiment's runs (runs.list). */
    experimentId: id.optional(),
    /** Only this variant group's runs, base first (runs.list only). */
    groupId: id.optional(),
    limit: z.number().int().min(1).max(500).default(100),
    offset: z.number().int().min(0).default(0),
  })
  .prefault({});
export type ListInput = z.output<typeof listInput>;

export const idInput = z.strictObject({ id });

export const exportInput = z.strictObject({ id, format: z.enum(['csv', 'json']) });

export const compareInput = z.strictObject({
  ids: z
    .array(id)
    .refine((ids) => ids.length >= COMPARE_MIN && ids.length <= COMPARE_MAX, `pick ${COMPARE_MIN} to ${COMPARE_MAX} runs`)
    .refine((ids) => new Set(ids).size === ids.length, 'pick different runs'),
});

/** A config file's text, as uploaded or pasted (validated by the import procedure). */
export const importInput = z.strictObject({ json: z.string().max(1_000_000, 'a config file is at most 1 MB') });
