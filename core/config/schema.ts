// The one experiment config: every option FedStudio has, with its default. It is what the URL, the CLI, the
// presets and the database carry. Bump CONFIG_VERSION (and add a migration) when a field changes meaning.
import { z } from 'zod';
import { AGGREGATOR_PLUGINS, PRE_AGGREGATOR_PLUGINS } from '../aggregate/registry';
import { nnm } from '../aggregate/nnm';
import { mergeParams, param, pluginNames, switches, switchOf } from '../plugin';
import { migrateConfig } from './migrations';
import { CONFIG_RULES } from './rules';

export const CONFIG_VERSION = 1;

const int = (min: number, max: number) => z.number().int().min(min).max(max);
const real = (min: number, max: number) => z.number().min(min).max(max);

export const DATASETS = ['mnist', 'blobs', 'moons', 'circles', 'spiral', 'xor'] as const;
export type DatasetName = (typeof DATASETS)[number];
export const TWO_D_DATASETS: readonly DatasetName[] = ['blobs', 'moons', 'circles', 'spiral', 'xor'];

export const dataSchema = z
  .strictObject({
    dataset: z.enum(DATASETS).default('mnist'),
    /** 2-D sets only: number of points generated (train + test). MNIST always uses the ≈10,000 shipped digits. */
    numSamples: int(100, 20_000).default(1_000),
    /** 2-D sets only: standard deviation of the Gaussian noise added to each point. */
    noise: real(0, 2).default(0.1),
    /** blobs and spiral only: number of classes (moons, circles and XOR have 2). */
    numClasses: int(2, 10).default(3),
    /** Fraction of the dataset held out as the server's test set (seeded split). */
    testFraction: real(0.05, 0.5).default(0.2),
  })
  .prefault({});

export const LABEL_PARTITIONS = ['iid', 'dirichlet', 'pathological', 'shard'] as const;
export const FEATURE_SKEWS = ['none', 'rotation', 'noise', 'shift'] as const;

export const partitionSchema = z
  .strictObject({
    numClients: int(1, 500).default(20),
    /** How labels are spread over clients (flwr-datasets partitioner names). */
    method: z.enum(LABEL_PARTITIONS).default('iid'),
    /** Dirichlet concentration: small = strong label skew, large = close to IID. */
    alpha: real(0.001, 1_000).default(0.5),
    /** Dirichlet: every client gets at least this many examples (resampled, error after 10 tries). */
    minPartitionSize: int(0, 1_000).default(10),
    /** Pathological: number of distinct classes each client holds. */
    classesPerClient: int(1, 10).default(2),
    /** Shard: number of label-sorted shards each client receives (McMahan et al. 2017). */
    shardsPerClient: int(1, 20).default(2),
    /** Quantity skew: client sizes follow a power law with this exponent (0 = equal sizes). Combines with `method`. */
    quantitySkew: real(0, 5).default(0),
    /** Feature skew: per-client input transform (rotation/noise for MNIST, shift/rotation for 2-D). */
    featureSkew: z.enum(FEATURE_SKEWS).default('none'),
    /** Feature skew strength in [0, 1]: scales the per-client rotation angle, shift or noise level. */
    featureSkewStrength: real(0, 1).default(0.5),
  })
  .prefault({});

export const MODELS = ['logreg', 'mlp', 'cnn'] as const;
export type ModelKind = (typeof MODELS)[number];

export const modelSchema = z
  .strictObject({
    kind: z.enum(MODELS).default('mlp'),
    /** MLP hidden layer sizes. */
    hidden: z.array(int(1, 1_024)).min(1).max(4).default([128]),
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

export const STRATEGIES = ['fedavg', 'fedprox', 'fedavgm', 'fedadam', 'fedyogi', 'fedadagrad'] as const;
export type StrategyName = (typeof STRATEGIES)[number];

export const strategySchema = z
  .strictObject({
    name: z.enum(STRATEGIES).default('fedavg'),
    /** FedProx: proximal term (μ/2)‖w − w_global‖² added to each client's loss (0 = FedAvg). */
    proximalMu: real(0, 10).default(0.01),
    /** Server learning rate η. Unset = the strategy's Flower default (FedAvgM 1.0, FedAdam 0.1, FedYogi 0.01, FedAdagrad 0.1). */
    serverLr: real(1e-5, 10).optional(),
    /** FedAvgM server momentum β. */
    serverMomentum: real(0, 0.999).default(0),
    /** FedOpt first-moment decay β₁. */
    beta1: real(0, 0.999).default(0.9),
    /** FedOpt second-moment decay β₂. */
    beta2: real(0, 0.9999).default(0.99),
    /** FedOpt adaptivity τ (Flower's current API default 1e-3). */
    tau: real(1e-12, 1).default(1e-3),
    /**
     * FedAdam: scale η by Flower's bias correction √(1−β₂ᵗ)/(1−β₁ᵗ), t = round + 1 (true, Flower), or take the
     * uncorrected step of Reddi et al. 2021 (false). FedYogi and FedAdagrad have none, as in Flower.
     */
    biasCorrection: z.boolean().default(true),
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

export const ATTACKS = [
  'none',
  'label-flip',
  'backdoor',
  'sign-flip',
  'gaussian',
  'scaling',
  'alie',
  'ipm',
  'free-rider',
] as const;
export type AttackKind = (typeof ATTACKS)[number];

export const attackSchema = z
  .strictObject({
    /** Threat model. Data poisoning: label-flip, backdoor. Model poisoning of the update: the rest. */
    kind: z.enum(ATTACKS).default('none'),
    /** Share of clients that are malicious (drawn once from the seed). */
    fraction: real(0, 1).default(0.2),
    /** Number of malicious clients; overrides `fraction` when set. */
    count: int(0, 500).optional(),
    /** First round in which the malicious clients attack. */
    startRound: int(1, 1_000).default(1),
    /** Sign flip: malicious update = −s · its honest update. */
    signFlipScale: real(0, 1_000).default(1),
    /** Sign flip: omniscient variant, the malicious update is −s · mean(honest updates of the round). */
    signFlipOmniscient: z.boolean().default(false),
    /** Gaussian: update ~ N(0, σ²) per coordinate. */
    gaussianStd: real(0, 100).default(1),
    /** IPM (Xie et al. 2020): malicious update = −ε · mean(honest); 0.1 small, > 1 (e.g. 2) large. */
    ipmEpsilon: real(0, 100).default(0.1),
    /** ALIE (Baruch et al. 2019): z in mean + z·std. Unset = Φ⁻¹((n − f − s)/(n − f)), s = floor(n/2 + 1) − f. */
    alieZ: real(-10, 10).optional(),
    /** Model replacement (Bagdasaryan et al. 2020): boost γ of the update. Unset = n/η (n sampled clients). */
    scalingGamma: real(0, 10_000).optional(),
    /** Label flip: source class (unset with target unset = all-to-all y → C−1−y). */
    labelFlipSource: int(0, 9).optional(),
    /** Label flip: target class for the source class. */
    labelFlipTarget: int(0, 9).optional(),
    /** Backdoor: class the triggered inputs are relabelled to. */
    backdoorTarget: int(0, 9).default(0),
    /** Backdoor: share of a malicious client's examples that get the trigger. */
    poisonFraction: real(0, 1).default(0.5),
    /** Backdoor: side in pixels of the square trigger patch at the bottom-right corner (MNIST). */
    triggerSize: int(1, 10).default(3),
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
  })
  .strict();

/**
 * The experiment config: its fields, and the rules between fields (rules.ts), checked here only, so that the CLI, the
 * library and the studio (which shows each issue on the field of its path) reject the same experiments.
 */
export const experimentSchema = experimentFieldsSchema.superRefine((cfg, ctx) => {
  for (const rule of CONFIG_RULES) {
    for (const { path, message } of rule.check(cfg)) ctx.addIssue({ code: 'custom', path: path.split('.'), message });
  }
});

export type ExperimentConfig = z.infer<typeof experimentSchema>;
/** What a user may write: every field optional. */
export type ExperimentConfigInput = z.input<typeof experimentSchema>;

export class ConfigError extends Error {
  constructor(readonly issues: { path: string; message: string }[]) {
    super(issues.map((i) => `${i.path || '(config)'}: ${i.message}`).join('\n'));
    this.name = 'ConfigError';
  }
}

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
