// Command-line flags: tokenized by node:util parseArgs (strict: unknown flags are errors), validated with zod.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { z } from 'zod';
import { experimentSchema } from '../core/config/schema';
import { runNameSchema, runNotesSchema } from '../server/library/inputs';
import { CliError } from './errors';

const integer = z
  .string()
  .regex(/^-?\d+$/, 'must be an integer')
  .transform(Number);

/**
 * An integer flag in the range of `schema`. Out of range, the message states the whole range: zod alone would report
 * the safe-integer limit (±2⁵³) for a huge value instead of the field's own bound.
 */
function integerIn(schema: z.ZodNumber) {
  const min = schema.minValue ?? -Number.MAX_SAFE_INTEGER;
  const max = schema.maxValue ?? Number.MAX_SAFE_INTEGER;
  const message = max < Number.MAX_SAFE_INTEGER ? `must be an integer from ${min} to ${max}` : `must be an integer ≥ ${min}`;
  return integer.refine((n) => n >= min && n <= max, { message, abort: true }).pipe(schema);
}

const decimal = z
  .string()
  .regex(/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i, 'must be a number')
  .transform(Number)
  .refine(Number.isFinite, 'must be a finite number');

const setFlags = { set: z.array(z.string()).default([]), seed: integerIn(experimentSchema.shape.seed.unwrap()).optional() };
const common = { help: z.boolean().default(false) };

const runSchema = z.strictObject({
  ...common,
  ...setFlags,
  rounds: integerIn(experimentSchema.shape.rounds.unwrap()).optional(),
  variant: z.array(z.string()).default([]),
  workers: integerIn(z.number().int().min(1).max(64)).optional(),
  out: z.string().min(1, 'needs a file name').optional(),
  csv: z.string().min(1, 'needs a file name').optional(),
  quiet: z.boolean().default(false),
  save: z.boolean().optional(),
  server: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. http://127.0.0.1:3000' }).optional(),
  name: runNameSchema.optional(),
  notes: runNotesSchema.optional(),
});

const partitionSchema = z.strictObject({ ...common, ...setFlags });

const pluginsSchema = z.strictObject({ ...common, json: z.boolean().default(false) });

/** With --help nothing else is checked; otherwise --q, --sigma and --steps are required. */
const privacySchema = z.discriminatedUnion('help', [
  z.object({ help: z.literal(true) }),
  z.strictObject({
    help: z.literal(false).default(false),
    q: decimal.pipe(z.number().min(0).max(1)),
    sigma: decimal.pipe(z.number().min(0)),
    steps: integerIn(z.number().int().min(0)),
    delta: decimal.pipe(z.number().gt(0).lt(1)).default(1e-5),
    json: z.boolean().default(false),
  }),
]);

export type RunFlags = z.infer<typeof runSchema> & { file?: string };
export type PartitionFlags = z.infer<typeof partitionSchema> & { file?: string };
export type PrivacyFlags = z.infer<typeof privacySchema>;
/** `file` is the extension point to list (e.g. aggregator), all when unset. */
export type PluginsFlags = z.infer<typeof pluginsSchema> & { file?: string };

const options = {
  help: { type: 'boolean', short: 'h' },
  set: { type: 'string', multiple: true },
  variant: { type: 'string', multiple: true },
  seed: { type: 'string' },
  rounds: { type: 'string' },
  workers: { type: 'string' },
  out: { type: 'string' },
  csv: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  save: { type: 'boolean' },
  server: { type: 'string' },
  name: { type: 'string' },
  notes: { type: 'string' },
  q: { type: 'string' },
  sigma: { type: 'string' },
  steps: { type: 'string' },
  delta: { type: 'string' },
  json: { type: 'boolean' },
} satisfies ParseArgsConfig['options'];

type OptionName = keyof typeof options;

/** Tokenizes and validates `args`; `takesFile` allows one positional argument, the config file. */
function parse<S extends z.ZodType<object>>(
  command: string,
  args: string[],
  schema: S,
  names: OptionName[],
  takesFile = true,
): z.output<S> & { file?: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: Object.fromEntries(names.map((n) => [n, options[n]])),
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new CliError(`${command}: ${describeParseError(error as Error & { code?: string })} (see fedstudio ${command} --help)`);
  }
  const { values, positionals } = parsed;
  if (!takesFile && positionals.length > 0) {
    throw new CliError(`${command}: unexpected argument ${positionals[0]} (it takes only options; see fedstudio ${command} --help)`);
  }
  if (positionals.length > 1) {
    throw new CliError(`${command}: expected one config file, got ${positionals.length}: ${positionals.join(' ')}`);
  }
  const result = schema.safeParse(values);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = String(issue.path[0]);
    const got = (values as Record<string, unknown>)[name];
    if (got === undefined) throw new CliError(`${command}: missing --${name} (see fedstudio ${command} --help)`);
    throw new CliError(`--${name}: ${flagMessage(issue)} (got ${String(got)})`);
  }
  return Object.assign(result.data, { file: positionals[0] });
}

function flagMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_small') return `must be ${issue.inclusive === false ? '>' : '≥'} ${String(issue.minimum)}`;
  if (issue.code === 'too_big') return `must be ${issue.inclusive === false ? '<' : '≤'} ${String(issue.maximum)}`;
  return issue.message;
}

function describeParseError(error: Error & { code?: string }): string {
  const flag = /'([^']+)'/.exec(error.message)?.[1];
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${flag}`;
  const option = flag?.split(' ')[0];
  if (/argument missing/.test(error.message)) return `option ${option} needs a value`;
  if (/ambiguous/.test(error.message)) return `a value starting with "-" must be written ${option}=<value>`;
  if (/does not take an argument/.test(error.message)) return `option ${flag} takes no value`;
  return error.message.split('\n')[0];
}

export const parseRunFlags = (args: string[]): RunFlags =>
  parse('run', args, runSchema, ['help', 'set', 'variant', 'seed', 'rounds', 'workers', 'out', 'csv', 'quiet', 'save', 'server', 'name', 'notes']);

export const parsePartitionFlags = (args: string[]): PartitionFlags =>
  parse('partition', args, partitionSchema, ['help', 'set', 'seed']);

export const parsePluginsFlags = (args: string[]): PluginsFlags => parse('plugins', args, pluginsSchema, ['help', 'json']);

export const parsePrivacyFlags = (args: string[]): PrivacyFlags =>
  parse('privacy', args, privacySchema, ['help', 'q', 'sigma', 'steps', 'delta', 'json'], false);
