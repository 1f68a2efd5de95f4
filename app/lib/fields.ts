// What the config panel shows: every schema field once, grouped, with a one-line explanation. Ranges and choices
// come from the schema (core/config/fieldInfo.ts); this file only adds words, grouping and when a knob matters.
import { CONFIG_RULES, DERIVED_DEFAULTS } from '../../core/config/rules';
import {
  aggregatorSchema,
  attackSchema,
  dataSchema,
  modelSchema,
  partitionSchema,
  strategySchema,
  type ExperimentConfig,
} from '../../core/config/schema';
import { extensionPoint } from '../../core/extensionPoints';
import { privacyEnabled } from '../../core/privacy/ledger';
import { setAt } from './configPath';
import { pluginFields } from './pluginFields';

export interface FieldSpec {
  path: string;
  label: string;
  help: string;
  /** Logarithmic slider for ranges spanning decades (α, learning rates, τ). */
  log?: boolean;
  /** Slider step (linear sliders); integers step by 1. */
  step?: number;
  /** Number typed in a box only, no slider (e.g. the seed). */
  noSlider?: boolean;
  /** Optional fields: the value that applies while unset (given the config with this field unset). */
  defaultFrom?: (c: ExperimentConfig) => number | undefined;
  /** Optional fields whose default is a formula or a behaviour: its name, from core next to the formula. */
  defaultLabel?: string;
  /** A tighter upper bound than the schema's that depends on other fields. */
  maxFrom?: (c: ExperimentConfig) => number;
  /** Shown only when this holds (the knob has no effect otherwise). */
  when?: (c: ExperimentConfig) => boolean;
  /** Labels for enum values. */
  choices?: Record<string, string>;
  /** One line per enum value (a plugin's help), shown for the chosen one and on each option. */
  choiceHelp?: Record<string, string>;
  /** Options disabled for the current config, with the reason (from the config rules). */
  disabledChoice?: (c: ExperimentConfig, value: string) => string | undefined;
}

export interface FieldGroup {
  id: string;
  title: string;
  fields: FieldSpec[];
}

const dpIs = (...modes: string[]) => (c: ExperimentConfig) => modes.includes(c.privacy.mode);
const adaptiveClipping = (c: ExperimentConfig) => c.privacy.mode === 'central' && c.privacy.clipping === 'adaptive';
const secAggOn = (c: ExperimentConfig) => c.secureAggregation.mode !== 'none';
const attackOn = (c: ExperimentConfig) => c.attack.kind !== 'none';

const GROUPS: FieldGroup[] = [
  {
    id: 'experiment',
    title: 'Experiment',
    fields: [
      { path: 'name', label: 'Name', help: 'A title for this experiment, carried in the share link and the metrics JSON.' },
      {
        path: 'rounds',
        label: 'Rounds',
        help: 'Number of federated rounds R (sample → train locally → aggregate → evaluate).',
        log: true,
      },
      {
        path: 'seed',
        label: 'Seed',
        help: 'Seeds every random choice: same config and seed give identical numbers.',
        noSlider: true,
      },
    ],
  },
  {
    id: 'data',
    title: 'Data & partition',
    fields: [
      ...pluginFields(extensionPoint('data'), dataSchema),
      ...pluginFields(extensionPoint('partition'), partitionSchema, {
        featureSkewStrength: { when: (c) => c.partition.featureSkew !== 'none' },
      }),
    ],
  },
  {
    id: 'model',
    title: 'Model & local training',
    fields: [
      ...pluginFields(extensionPoint('model'), modelSchema),
      {
        path: 'train.optimizer',
        label: 'Optimizer',
        help: 'Client optimizer; its state starts fresh every round (stateless clients, as in Flower).',
        choices: { sgd: 'SGD', adam: 'Adam' },
      },
      { path: 'train.lr', label: 'Learning rate', help: 'Client learning rate for local training.', log: true },
      {
        path: 'train.momentum',
        label: 'Momentum',
        help: 'SGD momentum (0 = plain SGD).',
        step: 0.01,
        when: (c) => c.train.optimizer === 'sgd',
      },
      { path: 'train.localEpochs', label: 'Local epochs', help: 'Passes over its own data each sampled client makes per round.' },
      { path: 'train.batchSize', label: 'Batch size', help: 'Examples per local SGD step.', log: true },
    ],
  },
  {
    id: 'strategy',
    title: 'Strategy',
    fields: [
      ...pluginFields(extensionPoint('strategy'), strategySchema),
      ...pluginFields(extensionPoint('aggregator'), aggregatorSchema),
      { path: 'sampling.fraction', label: 'Fraction per round', help: 'Share of clients sampled each round (Flower fraction_fit).', step: 0.01 },
      {
        path: 'sampling.minClients',
        label: 'Min clients',
        help: 'Sample at least this many clients per round (Flower min_fit_clients); at most the number of clients.',
        maxFrom: (c) => c.partition.numClients,
      },
    ],
  },
  {
    id: 'system',
    title: 'System',
    fields: [
      { path: 'system.dropoutProb', label: 'Dropout probability', help: 'Chance a sampled client drops out of a round and sends nothing.', step: 0.01 },
      { path: 'system.stragglerFraction', label: 'Stragglers', help: 'Share of sampled clients that are slow this round.', step: 0.01 },
      {
        path: 'system.stragglerMode',
        label: 'Straggler mode',
        help: 'partial: a straggler sends what it finished; drop: it misses the deadline and sends nothing.',
        choices: { partial: 'Partial work', drop: 'Miss deadline' },
        when: (c) => c.system.stragglerFraction > 0,
      },
      {
        path: 'system.stragglerWork',
        label: 'Straggler work',
        help: 'Fraction of its local steps a partial straggler completes.',
        step: 0.05,
        when: (c) => c.system.stragglerFraction > 0 && c.system.stragglerMode === 'partial',
      },
      {
        path: 'evaluation.federated',
        label: 'Federated evaluation',
        help: "Each sampled client also reports the global model's accuracy on its own data.",
      },
    ],
  },
  {
    id: 'attack',
    title: 'Attack',
    fields: [
      ...pluginFields(extensionPoint('attack'), attackSchema, {
        fraction: { when: attackOn },
        count: { when: attackOn, maxFrom: (c) => c.partition.numClients },
        startRound: { when: attackOn },
      }),
    ],
  },
  {
    id: 'privacy',
    title: 'Differential privacy',
    fields: [
      {
        path: 'privacy.mode',
        label: 'Client-level DP',
        help: 'Central: the server adds Gaussian noise to the sum of clipped updates (DP-FedAvg). Local: every client noises its own update before sending it.',
        choices: { none: 'Off', central: 'Central (DP-FedAvg)', local: 'Local (per client)' },
      },
      {
        path: 'privacy.clipping',
        label: 'Clipping',
        help: 'Fixed norm S, or adaptive: S follows a quantile of the update norms (Andrew et al. 2021).',
        choices: { fixed: 'Fixed', adaptive: 'Adaptive (quantile)' },
        when: dpIs('central'),
      },
      {
        path: 'privacy.clipNorm',
        label: 'Clip norm S',
        help: 'Each client update is scaled to L2 norm ≤ S (adaptive clipping: the starting norm).',
        log: true,
        when: dpIs('central', 'local'),
      },
      {
        path: 'privacy.noiseMultiplier',
        label: 'Noise multiplier z',
        help: 'Noise std z·S on the sum, z·S/m on the average of m clients. More noise, less ε.',
        step: 0.01,
        when: dpIs('central'),
      },
      { path: 'privacy.targetQuantile', label: 'Target quantile', help: 'Share of updates adaptive clipping aims to leave unclipped.', step: 0.01, when: adaptiveClipping },
      { path: 'privacy.clipLearningRate', label: 'Clip learning rate', help: 'How fast the adaptive clip norm moves (geometric steps).', step: 0.01, when: adaptiveClipping },
      {
        path: 'privacy.clippedCountStddev',
        label: 'Count noise σ_b',
        help: 'Noise on the clipped count that adaptive clipping learns from.',
        log: true,
        when: adaptiveClipping,
      },
      { path: 'privacy.localEpsilon', label: 'Local ε per round', help: 'Privacy of one client update in one round (Gaussian mechanism).', log: true, when: dpIs('local') },
      { path: 'privacy.localDelta', label: 'Local δ per round', help: 'δ of one client update in one round.', log: true, when: dpIs('local') },
      {
        path: 'privacy.dpSgd',
        label: 'DP-SGD (per example)',
        help: 'Clip every example’s gradient and add noise inside local training (Abadi et al. 2016). Slower: one backward pass per example.',
      },
      { path: 'privacy.dpSgdClipNorm', label: 'DP-SGD clip C', help: 'Per-example gradient norm bound.', log: true, when: (c) => c.privacy.dpSgd },
      { path: 'privacy.dpSgdNoiseMultiplier', label: 'DP-SGD noise σ', help: 'Noise std σ·C on each batch’s summed gradient.', step: 0.01, when: (c) => c.privacy.dpSgd },
      {
        path: 'privacy.delta',
        label: 'Target δ',
        help: 'The δ at which ε is reported; keep it below 1/number of clients (or examples).',
        log: true,
        when: (c) => privacyEnabled(c.privacy),
      },
    ],
  },
  {
    id: 'secagg',
    title: 'Secure aggregation',
    fields: [
      {
        path: 'secureAggregation.mode',
        label: 'Secure aggregation',
        help: 'The server learns only the sum: clients mask their updates with pairwise keys (Bonawitz et al. 2017). SecAgg+ masks with a few random neighbours only (Bell et al. 2020).',
        choices: { none: 'Off', secagg: 'SecAgg (all pairs)', 'secagg+': 'SecAgg+ (k neighbours)' },
      },
      {
        path: 'secureAggregation.thresholdFraction',
        label: 'Threshold t',
        help: 'Share of a client’s share holders that must survive for the server to unmask the sum (Shamir t-of-n).',
        step: 0.01,
        when: secAggOn,
      },
      {
        path: 'secureAggregation.neighbours',
        label: 'Neighbours k',
        help: 'SecAgg+: each client masks with k random neighbours (even) of the n clients per round.',
        step: 2,
        when: (c) => c.secureAggregation.mode === 'secagg+',
      },
      { path: 'secureAggregation.clipRange', label: 'Clip range r', help: 'Coordinates are clipped to [−r, r] before quantizing to the 2³² ring.', log: true, when: secAggOn },
    ],
  },
  {
    id: 'compression',
    title: 'Compression',
    fields: [
      {
        path: 'compression.sparsify',
        label: 'Sparsify',
        help: 'Send only k coordinates of each update: the largest (top-k) or random ones (random-k).',
        choices: { none: 'Off', 'top-k': 'Top-k', 'random-k': 'Random-k' },
      },
      { path: 'compression.ratio', label: 'Kept fraction', help: 'Share of coordinates sent, k = ⌈ratio · d⌉.', log: true, when: (c) => c.compression.sparsify !== 'none' },
      {
        path: 'compression.quantizeBits',
        label: 'Quantize (bits)',
        help: 'QSGD: each kept value as b bits plus a sign, unbiased stochastic rounding (0 = 32-bit floats).',
        maxFrom: (c) => (secAggOn(c) ? 0 : 16),
      },
      {
        path: 'compression.errorFeedback',
        label: 'Error feedback',
        help: 'Each client adds what compression dropped to its next update, so nothing is lost for good.',
        when: (c) => c.compression.sparsify !== 'none' || c.compression.quantizeBits > 0,
      },
    ],
  },
];

/** A choice is unavailable when taking it would break a rule the config now keeps (core/config/rules.ts). */
function disabledChoice(path: string) {
  const rules = CONFIG_RULES.filter((rule) => rule.disables?.[path]);
  if (rules.length === 0) return undefined;
  return (c: ExperimentConfig, value: string) => {
    const candidate = setAt(c, path, value);
    return rules.find((rule) => rule.check(c).length === 0 && rule.check(candidate).length > 0)?.disables?.[path];
  };
}

/** The groups, with each field's disabled choices and derived default taken from core's one list of each. */
export const FIELD_GROUPS: FieldGroup[] = GROUPS.map((group) => ({
  ...group,
  fields: group.fields.map((spec) => {
    const derived = DERIVED_DEFAULTS.find((d) => d.path === spec.path);
    return {
      ...spec,
      disabledChoice: disabledChoice(spec.path),
      ...(derived?.value && { defaultFrom: derived.value }),
      ...(derived?.label && { defaultLabel: derived.label }),
    };
  }),
}));

const SPECS = new Map(FIELD_GROUPS.flatMap((group) => group.fields.map((spec) => [spec.path, spec] as const)));

/** The settings field of a config path (undefined for paths the panel does not show). */
export function fieldSpec(path: string): FieldSpec | undefined {
  return SPECS.get(path);
}
