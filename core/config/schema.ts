// The one experiment config: every option FedStudio has, with its default. It is what the URL, the CLI, the
// presets and the database carry. Bump CONFIG_VERSION (and add a migration) when a field changes meaning.
import { z } from 'zod';
import { AGGREGATOR_PLUGINS, PRE_AGGREGATOR_PLUGINS } from '../aggregate/registry';
import { ATTACK_PLUGINS } from '../attack/registry';
import { nnm } from '../aggregate/nnm';
import { mergeParams, param, pluginNames, switches, switchOf } from '../plugin';
import { DATASET_PLUGINS } from '../data/registry';
import { DEFAULT_MODEL, MODEL_PLUGINS } from '../model/registry';
import { PARTITIONER_PLUGINS } from '../partition/registry';
import { STRATEGY_PLUGINS } from '../strategy/registry';
import { ConfigError } from './configError';
import { scheduleIssues } from './liveSettings';
import { migrateConfig } from './migrations';
import { CONFIG_RULES } from './rules';

export const CONFIG_VERSION = 1;

const int = (min: number, max: number) => z.number().int().min(min).max(max);
const real = (min: number, max: number) => z.number().min(min).max(max);

/** The datasets' names (data.dataset), in the studio's order. */
export const DATASETS = DATASET_PLUGINS.map((p) => p.name);
export type DatasetName = (typeof DATASET_PLUGINS)[number]['name'];
/** The sets of 2-D points, whose decision boundary the studio draws. */
export const TWO_D_DATASETS: readonly DatasetName[] = DATASET_PLUGINS.filter((p) => p.input === 'point2d').map((p) => p.name);

/** The data: the dataset plugins' parameters, flat (the 2-D sets' size, noise and classes), and the test split. */
export const dataSchema = z
  .strictObject({
    dataset: param(pluginNames(DATASET_PLUGINS, 'mnist'), {
      label: 'Dataset',
      help: 'MNIST digits (28×28 images) or a 2-D teaching set whose decision boundary can be drawn.',
    }),
    ...mergeParams(DATASET_PLUGINS),
    /** Fraction of the dataset held out as the server's test set (seeded split). */
    testFraction: param(real(0.05, 0.5).default(0.2), {
      label: 'Test fraction',
      help: "Share of the data held out as the server's test set.",
      step: 0.01,
    }),
  })
  .prefault({});

/** The label partitioners' names (partition.method), in the studio's order. */
export const LABEL_PARTITIONS = PARTITIONER_PLUGINS.map((p) => p.name);
export const FEATURE_SKEWS = ['none', 'rotation', 'noise', 'shift'] as const;

/**
 * How the train set is split over clients: the label partitioner plugins' parameters, flat, between the section's own
 * fields (the number of clients, quantity and feature skew), which apply whichever partitioner is chosen.
 */
export const partitionSchema = z
  .strictObject({
    numClients: param(int(1, 500).default(20), {
      label: 'Clients',
      help: 'Number of virtual clients N the training data is split across.',
      log: true,
    }),
    method: param(pluginNames(PARTITIONER_PLUGINS, 'iid'), {
      label: 'Label split',
      help: 'How labels are spread over clients (flwr-datasets partitioners).',
    }),
    ...mergeParams(PARTITIONER_PLUGINS),
    /** Quantity skew: client sizes follow a power law with this exponent (0 = equal sizes). Combines with `method`. */
    quantitySkew: param(real(0, 5).default(0), {
      label: 'Quantity skew',
      help: 'Client sizes follow a power law with this exponent (0 = equal sizes); combines with the label split.',
      step: 0.1,
    }),
    /** Feature skew: per-client input transform (rotation/noise for MNIST, shift/rotation for 2-D). */
    featureSkew: param(z.enum(FEATURE_SKEWS).default('none'), {
      label: 'Feature skew',
      help: 'A fixed per-client input transform: rotated, noisy or shifted inputs.',
      choices: { none: 'None', rotation: 'Rotation', noise: 'Noise', shift: 'Shift' },
    }),
    /** Feature skew strength in [0, 1]: scales the per-client rotation angle, shift or noise level. */
    featureSkewStrength: param(real(0, 1).default(0.5), {
      label: 'Skew strength',
      help: 'Scales each client’s rotation angle, shift or noise level (0 – 1).',
      step: 0.05,
    }),
  })
  .prefault({});

/** The models' names (model.kind), in the studio's order. */
export const MODELS = MODEL_PLUGINS.map((p) => p.name);
export type ModelKind = (typeof MODEL_PLUGINS)[number]['name'];

/** The model: the model plugins' parameters, flat (the MLP's hidden sizes). */
export const modelSchema = z
  .strictObject({
    kind: param(pluginNames(MODEL_PLUGINS, DEFAULT_MODEL), {
      label: 'Model',
      help: 'Logistic regression, a multi-layer perceptron, or a small CNN (MNIST only).',
    }),
    ...mergeParams(MODEL_PLUGINS),
  })
  .prefault({});

export const OPTIMIZERS = ['sgd', 'adam'] as const;

export const trainSchema = z
  .strictObject({
    optimizer: z.enum(OPTIMIZERS).default('sgd'),
    lr: real(1e-5, 10).default(0.05),
    /** SGD momentum (0 = plain SGD). */
    momentum: real(0, 0.999).default(0),
    localEpochs: int(1, 50).default(1),
    batchSize: int(1, 1_024).default(32),
  })
  .prefault({});

/** The strategies' names (strategy.name), in the studio's order. */
export const STRATEGIES = STRATEGY_PLUGINS.map((p) => p.name);
export type StrategyName = (typeof STRATEGY_PLUGINS)[number]['name'];

/** The server's optimizer: the strategy plugins' parameters, flat (serverLr is one schema listed by several). */
export const strategySchema = z
  .strictObject({
    name: param(pluginNames(STRATEGY_PLUGINS, 'fedavg'), {
      label: 'Strategy',
      help: 'How the server turns client updates into the next global model (Flower names).',
    }),
    ...mergeParams(STRATEGY_PLUGINS),
  })
  .prefault({});

/** How client updates are combined inside the strategy: the aggregator and pre-aggregator plugins' parameters, flat. */
export const aggregatorSchema = z
  .strictObject({
    name: param(pluginNames(AGGREGATOR_PLUGINS, 'mean'), {
      label: 'Aggregator',
      help: 'How client updates are combined inside the strategy; mean = weighted by examples, the robust rules are unweighted (as in ByzFL), so a client cannot buy influence by claiming many examples.',
    }),
    ...mergeParams([...AGGREGATOR_PLUGINS, ...PRE_AGGREGATOR_PLUGINS]),
    ...switches(PRE_AGGREGATOR_PLUGINS),
    // Config version 1's one switch writes its default, false, out (old links and library addresses hold it);
    // switches added since are optional, see core/config/migrations.ts.
    nnm: switchOf(nnm, z.boolean().default(false)),
  })
  .prefault({});

/** The attack plugins' names (core/attack/registry.ts), 'none' first. */
export const ATTACKS = ATTACK_PLUGINS.map((p) => p.name);
export type AttackKind = (typeof ATTACKS)[number];

/**
 * Who attacks and how: the attack plugin chosen by `kind`, the section's own fields (which clients are malicious,
 * from when), and every attack plugin's parameters, flat.
 */
export const attackSchema = z
  .strictObject({
    kind: param(pluginNames(ATTACK_PLUGINS, 'none'), {
      label: 'Attack',
      help: 'Malicious clients poison their data (label flip, backdoor) or their update (the rest). The omniscient ones see the round’s honest updates.',
    }),
    fraction: param(real(0, 1).default(0.2), {
      label: 'Malicious fraction',
      help: 'Share of clients that are malicious, chosen by the seed.',
      step: 0.01,
    }),
    count: param(int(0, 500).optional(), {
      label: 'Malicious count',
      help: 'Number of malicious clients; overrides the fraction when set.',
    }),
    startRound: param(int(1, 1_000).default(1), {
      label: 'Start round',
      help: 'First round in which the malicious clients attack.',
    }),
    ...mergeParams(ATTACK_PLUGINS),
  })
  .prefault({});

export const samplingSchema = z
  .strictObject({
    /** Fraction of clients sampled per round (Flower fraction_fit). */
    fraction: real(0.001, 1).default(0.5),
    /** At least this many clients per round (Flower min_fit_clients). */
    minClients: int(1, 500).default(2),
  })
  .prefault({});

export const STRAGGLER_MODES = ['partial', 'drop'] as const;

export const systemSchema = z
  .strictObject({
    /** Probability that a sampled client drops out of a round (no update). */
    dropoutProb: real(0, 0.95).default(0),
    /** Fraction of sampled clients that are stragglers this round. */
    stragglerFraction: real(0, 1).default(0),
    /** partial: a straggler completes only `stragglerWork` of its local steps; drop: it misses the deadline. */
    stragglerMode: z.enum(STRAGGLER_MODES).default('partial'),
    /** partial mode: fraction of its local steps a straggler completes. */
    stragglerWork: real(0.05, 1).default(0.5),
  })
  .prefault({});

export const evaluationSchema = z
  .strictObject({
    /** Federated evaluation: each sampled client reports the received global model's accuracy on its own data. */
    federated: z.boolean().default(true),
  })
  .prefault({});

export const PRIVACY_MODES = ['none', 'central', 'local'] as const;
export const CLIPPING_MODES = ['fixed', 'adaptive'] as const;

export const privacySchema = z
  .strictObject({
    /**
     * Client-level DP. central: DP-FedAvg — the server sums clipped updates and adds Gaussian noise (TFF semantics);
     * local: each client clips and noises its own update (Gaussian mechanism) before sending it.
     */
    mode: z.enum(PRIVACY_MODES).default('none'),
    /** Central DP: fixed clip norm S, or adaptive clipping that tracks a quantile of update norms (Andrew et al. 2021). */
    clipping: z.enum(CLIPPING_MODES).default('fixed'),
    /** L2 clip norm S of each client update (adaptive: the initial norm C₀). Unset = 1 (fixed), 0.1 (adaptive, TFF). */
    clipNorm: real(1e-6, 1e4).optional(),
    /** Central DP: noise multiplier z, noise std z·S on the sum. */
    noiseMultiplier: real(0, 100).default(1),
    /** Adaptive clipping: target fraction of updates left unclipped (TFF 0.5). */
    targetQuantile: real(0, 1).default(0.5),
    /** Adaptive clipping: geometric learning rate of the clip norm (TFF 0.2). */
    clipLearningRate: real(0, 10).default(0.2),
    /** Adaptive clipping: std of the noise on the clipped-count. Unset = 0.05 · clients per round if z > 0, else 0 (TFF). */
    clippedCountStddev: real(1e-6, 1e4).optional(),
    /** Local DP: ε of one client's update per round (Gaussian mechanism). */
    localEpsilon: real(0.01, 100).default(8),
    /** Local DP: δ of one client's update per round. */
    localDelta: real(1e-12, 0.1).default(1e-5),
    /** δ at which the accountant reports ε (client-level and DP-SGD). */
    delta: real(1e-12, 0.1).default(1e-5),
    /** Sample-level DP-SGD inside local training: per-example clipping and Gaussian noise (Abadi et al. 2016). */
    dpSgd: z.boolean().default(false),
    /** DP-SGD: per-example gradient clip norm C. */
    dpSgdClipNorm: real(1e-6, 1e4).default(1),
    /** DP-SGD: noise multiplier σ, noise std σ·C on each batch's summed gradient. */
    dpSgdNoiseMultiplier: real(0, 100).default(1),
  })
  .prefault({});

export const SECURE_AGGREGATION_MODES = ['none', 'secagg', 'secagg+'] as const;

export const secureAggregationSchema = z
  .strictObject({
    /** secagg: masks between all pairs of sampled clients (Bonawitz et al. 2017); secagg+: a random k-regular graph (Bell et al. 2020). */
    mode: z.enum(SECURE_AGGREGATION_MODES).default('none'),
    /** Shamir threshold t as a fraction of each client's share holders: the sum is recovered while ≥ t of them survive. */
    thresholdFraction: real(0.51, 1).default(0.6),
    /** SecAgg+: neighbours k of each client (even). Unset = 2·⌈log₂ n⌉, at most n − 1. */
    neighbours: int(2, 500).optional(),
    /** Updates are clipped to [−r, r] per coordinate before quantization to the ring (Flower's clipping_range 8). */
    clipRange: real(1e-3, 1e4).default(8),
  })
  .prefault({});

export const SPARSIFIERS = ['none', 'top-k', 'random-k'] as const;

export const compressionSchema = z
  .strictObject({
    /** Uplink sparsification: keep the k largest-magnitude (top-k) or k random (random-k) coordinates of each update. */
    sparsify: z.enum(SPARSIFIERS).default('none'),
    /** Sparsification: fraction of coordinates kept, k = ⌈ratio · d⌉. */
    ratio: real(1e-4, 1).default(0.01),
    /** Error feedback (Karimireddy et al. 2019): each client adds what compression dropped last time to its next update. */
    errorFeedback: z.boolean().default(true),
    /** Stochastic uniform quantization (QSGD, Alistarh et al. 2017): b bits per magnitude plus a sign bit; 0 = off. */
    quantizeBits: int(0, 16).default(0),
  })
  .prefault({});

/** Every field with its own type, range and default, without the rules that relate fields (experimentSchema adds them). */
export const experimentFieldsSchema = z
  .strictObject({
    version: z.literal(CONFIG_VERSION).default(CONFIG_VERSION),
    name: z.string().max(200).default('Untitled experiment'),
    seed: int(0, 2 ** 31 - 1).default(42),
    rounds: int(1, 1_000).default(10),
    data: dataSchema,
    partition: partitionSchema,
    model: modelSchema,
    train: trainSchema,
    strategy: strategySchema,
    aggregator: aggregatorSchema,
    sampling: samplingSchema,
    system: systemSchema,
    evaluation: evaluationSchema,
    attack: attackSchema,
    privacy: privacySchema,
    secureAggregation: secureAggregationSchema,
    compression: compressionSchema,
    /**
     * Live changes (core/config/schedule.ts): from each change's round on, its paths take its values. Optional and
     * unset by default, so configs without changes (links, files, library addresses) keep their meaning.
     */
    schedule: z
      .array(z.strictObject({ round: int(1, 1_000), set: z.record(z.string(), z.unknown()) }))
      .max(1_000)
      .optional(),
  })
  .strict();

/**
 * The experiment config: its fields, and the rules between fields (rules.ts), checked here only, so that the CLI, the
 * library and the studio (which shows each issue on the field of its path) reject the same experiments.
 */
export const experimentSchema = experimentFieldsSchema.superRefine((cfg, ctx) => {
  const issues = [...CONFIG_RULES.flatMap((rule) => rule.check(cfg)), ...(cfg.schedule ? scheduleIssues(cfg, roundConfigIssues) : [])];
  for (const { path, message } of issues) ctx.addIssue({ code: 'custom', path: path.split('.'), message });
});

/** The issues of the config a scheduled change produces (its schedule stripped), as parseConfig reports them. */
function roundConfigIssues(candidate: unknown): { path: string; message: string }[] {
  const result = experimentSchema.safeParse(candidate);
  return result.success ? [] : describeIssues(result.error, candidate);
}

export type ExperimentConfig = z.infer<typeof experimentSchema>;
/** What a user may write: every field optional. */
export type ExperimentConfigInput = z.input<typeof experimentSchema>;

export { ConfigError };

/**
 * The issues back from a ConfigError's message: an error that crossed a worker boundary arrives as text only. Lines
 * that do not start with a field path (any other error) come back whole, with the path "".
 */
export function issuesFromMessage(message: string): { path: string; message: string }[] {
  return message.split('\n').map((line) => {
    const match = /^([A-Za-z]\w*(?:\.\w+)*): (.+)$/.exec(line);
    return match ? { path: match[1], message: match[2] } : { path: '', message: line };
  });
}

/** Human messages that name the field and the allowed range, e.g. "partition.alpha: must be ≥ 0.001 (got -1)". */
export function describeIssues(error: z.ZodError, input?: unknown): { path: string; message: string }[] {
  return error.issues.map((issue) => {
    const path = issue.path.join('.');
    const got = input === undefined ? undefined : readPath(input, issue.path);
    let message = issue.message;
    if (issue.code === 'too_small' && typeof issue.minimum !== 'undefined') {
      message = `must be ${issue.inclusive ? '≥' : '>'} ${String(issue.minimum)}`;
    } else if (issue.code === 'too_big' && typeof issue.maximum !== 'undefined') {
      message = `must be ${issue.inclusive ? '≤' : '<'} ${String(issue.maximum)}`;
    } else if (issue.code === 'invalid_value' && 'values' in issue) {
      message = `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    } else if (issue.code === 'unrecognized_keys') {
      message = `unknown field(s) ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    }
    if (got !== undefined && issue.code !== 'unrecognized_keys') message += ` (got ${JSON.stringify(got)})`;
    return { path, message };
  });
}

function readPath(value: unknown, path: PropertyKey[]): unknown {
  let cur: unknown = value;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

/** Validates and fills defaults; throws ConfigError naming every bad field. */
export function parseConfig(input: unknown): ExperimentConfig {
  input = migrateConfig(input); // a config of an older version is brought to CONFIG_VERSION first
  const result = experimentSchema.safeParse(input);
  if (!result.success) throw new ConfigError(describeIssues(result.error, input));
  return result.data;
}

export function defaultConfig(): ExperimentConfig {
  return experimentSchema.parse({});
}

/** A field's schema without its default/prefault/optional wrappers, and whether it may be left unset. */
export function unwrapField(schema: z.ZodType): { schema: z.ZodType; optional: boolean } {
  let cur = schema;
  let optional = false;
  while (cur instanceof z.ZodOptional || cur instanceof z.ZodDefault || cur instanceof z.ZodPrefault) {
    if (cur instanceof z.ZodOptional) optional = true;
    cur = cur.unwrap() as z.ZodType;
  }
  return { schema: cur, optional };
}
