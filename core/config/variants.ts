// Variants: 2–4 configs of one experiment that differ in a few fields (aggregator mean vs median, z = 0 vs z = 1),
// run side by side. A variant is the base config with `set` applied (dotted path → value); everything else — seed,
// data, partition, initial model — is the base's, so the contrast shows only what the variant changes.
import { z } from 'zod';
import { paramMeta } from '../plugin';
import { ConfigError } from './configError';
import { assignPath, fieldPathProblem, valueAt } from './fieldPath';
import { experimentSchema, parseConfig, unwrapField, type ExperimentConfig } from './schema';

/** One variant: the fields it changes from the base, and an optional label (else derived: variantLabel). */
export interface VariantSpec {
  label?: string;
  set: Record<string, unknown>;
}

/** The base counts as one: at most MAX_VARIANTS − 1 specs. */
export const MAX_VARIANTS = 4;
export const MAX_VARIANT_LABEL = 60;

export const variantSpecSchema = z.strictObject({
  label: z.string().trim().min(1, 'must not be empty (leave it out to derive one)').max(MAX_VARIANT_LABEL).optional(),
  set: z
    .record(z.string(), z.unknown())
    .refine((set) => Object.keys(set).length > 0, 'must change at least one field, e.g. { "aggregator.name": "median" }')
    .superRefine((set, ctx) => {
      for (const path of Object.keys(set)) {
        const problem = path === 'version' ? 'the config version cannot vary' : fieldPathProblem(path);
        if (problem) ctx.addIssue({ code: 'custom', path: [path], message: problem });
      }
    }),
});

/** The specs besides the base (index 0 here is variant 1). */
export const variantSpecsSchema = z
  .array(variantSpecSchema)
  .max(MAX_VARIANTS - 1, `at most ${MAX_VARIANTS - 1} variants besides the base (${MAX_VARIANTS} runs side by side): remove one`);

/** Variant `i`'s name in messages: the base is 0, so the first spec is variants.1. */
const where = (spec: number) => `variants.${spec + 1}`;

/**
 * The configs of a run with variants: the base first, then each spec applied to it, every one validated. Throws a
 * ConfigError whose paths name the variant and its field, e.g. `variants.1.set.aggregator.name: must be one of …`.
 */
export function variantConfigs(base: ExperimentConfig, specs: readonly VariantSpec[]): ExperimentConfig[] {
  const parsed = variantSpecsSchema.safeParse(specs);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const [index, ...rest] = issue.path;
        const path = typeof index === 'number' ? [where(index), ...rest].join('.') : 'variants';
        return { path, message: issue.message };
      }),
    );
  }
  return [base, ...parsed.data.map((spec, i) => variantConfig(base, spec, i))];
}

function variantConfig(base: ExperimentConfig, spec: VariantSpec, index: number): ExperimentConfig {
  // A config is plain JSON: a JSON copy is a deep one.
  const raw = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
  for (const [path, value] of Object.entries(spec.set)) {
    const problem = assignPath(raw, path, value);
    if (problem) throw new ConfigError([{ path: `${where(index)}.set.${path}`, message: problem }]);
  }
  try {
    return parseConfig(raw);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const paths = Object.keys(spec.set);
    // An issue on a field the variant sets names that setting; one elsewhere (a rule between fields) names the variant
    // and the field, so the fix is clear either way.
    throw new ConfigError(
      error.issues.map(({ path, message }) => {
        const own = paths.find((p) => path === p || path.startsWith(`${p}.`));
        return own ? { path: `${where(index)}.set.${path}`, message } : { path: where(index), message: `${path || '(config)'}: ${message}` };
      }),
    );
  }
}

/**
 * Short names of fields outside the plugins' parameters (those carry their own label): how a label writes them.
 * Plugin parameters use the symbol their label ends with ("Dirichlet α" → α).
 */
const NOTATION: Record<string, string> = {
  'privacy.noiseMultiplier': 'noise z',
  'privacy.clipNorm': 'clip S',
  'privacy.mode': 'DP',
  'privacy.dpSgdNoiseMultiplier': 'DP-SGD σ',
  'train.lr': 'lr',
  'train.localEpochs': 'epochs',
  'train.batchSize': 'batch',
  'sampling.fraction': 'sampled fraction',
  'system.dropoutProb': 'dropout',
  'system.stragglerFraction': 'stragglers',
  'compression.sparsify': 'sparsify',
  'compression.quantizeBits': 'bits',
  'secureAggregation.mode': 'SecAgg',
};

/** The schema of a field as declared (with its default wrapper: that is what param() registered). */
function declared(path: string): z.ZodType | undefined {
  let schema: z.ZodType = experimentSchema;
  for (const key of path.split('.')) {
    const object = unwrapField(schema).schema;
    if (!(object instanceof z.ZodObject)) return undefined;
    schema = (object.shape as Record<string, z.ZodType>)[key];
    if (!schema) return undefined;
  }
  return schema;
}

/** How a label names the field: its notation, the symbol its label ends or starts with, or its label. */
function fieldName(path: string): string {
  if (NOTATION[path]) return NOTATION[path];
  const schema = declared(path);
  const label = schema && paramMeta.get(schema)?.label;
  if (!label) return path.split('.').pop()!;
  const words = label.split(' ');
  const symbol = (word: string | undefined) => word !== undefined && Array.from(word).length <= 2;
  if (words.length > 1 && symbol(words[words.length - 1])) return words[words.length - 1];
  if (words.length > 1 && symbol(words[0]) && words[1].startsWith('(')) return words[0];
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** One field's part of a label: "median", "α = 0.1", "no attack", "nnm on". */
function describe(path: string, value: unknown): string {
  const name = fieldName(path);
  if (value === undefined) return `${name} default`;
  if (typeof value === 'boolean') return `${name} ${value ? 'on' : 'off'}`;
  if (typeof value === 'string') {
    if (value === 'none') return `no ${name}`;
    return NOTATION[path] ? `${name} ${value}` : value;
  }
  return `${name} = ${typeof value === 'number' ? String(value) : JSON.stringify(value)}`;
}

/**
 * A variant's label: its own, else derived from what it sets ("median", "noise z = 1", "α = 0.1, lr = 0.05"). The
 * base's label depends on every variant: variantLabels.
 */
export function variantLabel(_base: ExperimentConfig, spec: VariantSpec): string {
  if (spec.label) return spec.label;
  return Object.entries(spec.set)
    .map(([path, value]) => describe(path, value))
    .join(', ');
}

/**
 * Every label of a run, base first: the base is described by the fields the variants change, at its own values
 * ("mean" against "median"), or "base" when no variant changes anything.
 */
export function variantLabels(base: ExperimentConfig, specs: readonly VariantSpec[]): string[] {
  const paths = [...new Set(specs.flatMap((s) => Object.keys(s.set)))];
  const baseLabel = paths.length === 0 ? 'base' : paths.map((p) => describe(p, valueAt(base, p))).join(', ');
  return [baseLabel, ...specs.map((s) => variantLabel(base, s))];
}
