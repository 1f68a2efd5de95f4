// The rules between config fields and the defaults derived from other fields, each written once. The schema checks
// the rules (so the CLI, the library and the studio reject the same experiments), the studio disables the choices
// that would break one and repairs what an edit broke, and shows each derived default by its value or formula.
import { PRE_AGGREGATOR_PLUGINS, AGGREGATOR_PLUGINS } from '../aggregate/registry';
import { maliciousCount } from '../attack/malicious';
import { DATASET_PLUGINS, datasetPlugin } from '../data/registry';
import { DEFAULT_MODEL, MODEL_PLUGINS, modelPlugin } from '../model/registry';
import { findPlugin } from '../plugin';
import { initialClipNorm } from '../privacy/centralDp';
import { clientsPerRound, clippedCountStddev, secAggNeighbours } from './derived';
import type { ExperimentConfig } from './schema';

export interface ConfigIssue {
  /** The dotted path of the field the message is shown on. */
  path: string;
  message: string;
}

export interface ConfigRule {
  /** What it guards, in a few words. */
  id: string;
  /** The issues of `config` (none when the rule holds): each says why, and the change that fixes it. */
  check(config: ExperimentConfig): ConfigIssue[];
  /** Enum fields whose options that would break the rule the studio disables, with the reason it shows. */
  disables?: Record<string, string>;
  /** The studio's repair when an edit of one of `after` breaks the rule, instead of reporting it. */
  repair?: { after: readonly string[]; apply(config: ExperimentConfig): ExperimentConfig };
}

const issue = (path: string, message: string): ConfigIssue[] => [{ path, message }];
const IMAGE_MODELS = MODEL_PLUGINS.filter((p) => p.needsImages).map((p) => p.name);
const IMAGE_DATASETS = DATASET_PLUGINS.filter((p) => p.input === 'image').map((p) => p.name);
const secAggOn = (c: ExperimentConfig) => c.secureAggregation.mode !== 'none';

/** In the order their issues are listed. */
export const CONFIG_RULES: readonly ConfigRule[] = [
  {
    // Which models need images and which datasets have them is the descriptors' (ModelPlugin.needsImages,
    // DatasetPlugin.input); the messages name them in capitals (the CNN, MNIST).
    id: 'the CNN needs images',
    check: (c) =>
      modelPlugin(c.model.kind).needsImages && datasetPlugin(c.data.dataset).input !== 'image'
        ? issue(
            'model.kind',
            `the ${c.model.kind.toUpperCase()} needs image data: use dataset ${IMAGE_DATASETS.map((n) => JSON.stringify(n)).join(' or ')}`,
          )
        : [],
    disables: {
      'model.kind': `the ${IMAGE_MODELS.map((n) => n.toUpperCase()).join(' or ')} needs ${IMAGE_DATASETS.map((n) => n.toUpperCase()).join(' or ')} images`,
    },
    repair: { after: ['data.dataset'], apply: (c) => ({ ...c, model: { ...c.model, kind: DEFAULT_MODEL } }) },
  },
  {
    id: 'min clients ≤ clients',
    check: (c) =>
      c.sampling.minClients > c.partition.numClients
        ? issue('sampling.minClients', `must be ≤ partition.numClients (${c.partition.numClients})`)
        : [],
    repair: {
      after: ['partition.numClients'],
      apply: (c) => ({ ...c, sampling: { ...c.sampling, minClients: c.partition.numClients } }),
    },
  },
  { id: 'robust rules need enough updates per round', check: checkRoundNeeds },
  {
    id: 'central DP needs the mean',
    check: (c) =>
      c.privacy.mode === 'central' && c.aggregator.name !== 'mean'
        ? issue(
            'aggregator.name',
            'central DP adds noise to the sum of clipped updates: use aggregator "mean" (or privacy.mode "local")',
          )
        : [],
    disables: { 'privacy.mode': 'central DP sums clipped updates: needs the mean aggregator' },
  },
  {
    // Adaptive clipping splits z > 0 between the update and the clipped count (Andrew et al. 2021): needs z < 2σ_b.
    id: 'adaptive clipping needs z < 2σ_b',
    check(c) {
      const { mode, clipping, noiseMultiplier } = c.privacy;
      if (mode !== 'central' || clipping !== 'adaptive' || noiseMultiplier === 0) return [];
      const sigmaB = clippedCountStddev(c);
      if (noiseMultiplier < 2 * sigmaB) return [];
      return issue(
        'privacy.noiseMultiplier',
        `adaptive clipping needs z < 2·σ_b = ${+(2 * sigmaB).toPrecision(3)} (σ_b is the clipped-count noise, ` +
          '0.05 × clients per round unless privacy.clippedCountStddev is set): sample more clients, raise ' +
          'clippedCountStddev or lower z',
      );
    },
  },
  {
    id: 'secure aggregation needs the mean',
    check: (c) =>
      secAggOn(c) && c.aggregator.name !== 'mean'
        ? issue('aggregator.name', 'secure aggregation reveals only the sum of the updates: use aggregator "mean"')
        : [],
    disables: { 'secureAggregation.mode': 'the server sees only the sum: needs the mean aggregator' },
  },
  {
    id: 'secure aggregation excludes compression',
    check(c) {
      const { sparsify, quantizeBits } = c.compression;
      if (!secAggOn(c) || (sparsify === 'none' && quantizeBits === 0)) return [];
      return issue(
        sparsify !== 'none' ? 'compression.sparsify' : 'compression.quantizeBits',
        'secure aggregation masks every coordinate in its own ring, so compression saves no bytes: turn one off',
      );
    },
    disables: {
      'secureAggregation.mode': 'masks every coordinate: turn compression off first',
      'compression.sparsify': 'secure aggregation masks every coordinate',
    },
  },
  {
    id: 'secure aggregation needs two clients',
    check: (c) =>
      secAggOn(c) && clientsPerRound(c) < 2
        ? issue('sampling.minClients', 'secure aggregation needs at least 2 clients per round (a sum of one update hides nothing)')
        : [],
  },
  {
    id: 'SecAgg+ degree is even',
    check(c) {
      const { mode, neighbours } = c.secureAggregation;
      if (mode !== 'secagg+' || neighbours === undefined || neighbours % 2 === 0) return [];
      return issue(
        'secureAggregation.neighbours',
        `must be even (each client links to k/2 neighbours on each side) (got ${neighbours})`,
      );
    },
  },
  {
    id: 'label flip source and target go together',
    check(c) {
      const { labelFlipSource, labelFlipTarget } = c.attack;
      if ((labelFlipSource === undefined) === (labelFlipTarget === undefined)) return [];
      return issue(
        labelFlipSource === undefined ? 'attack.labelFlipSource' : 'attack.labelFlipTarget',
        'set both labelFlipSource and labelFlipTarget (or neither, for all-to-all flipping)',
      );
    },
  },
];

/**
 * The robust rule's and the switched-on pre-aggregators' needs against the clients sampled per round, the n they see
 * when nobody drops out. Dropouts are random per round, so a round they shrink below a bound is left to the
 * aggregator's own error at run time. A pre-aggregator's need is checked only once the rule's own bound holds.
 */
function checkRoundNeeds(c: ExperimentConfig): ConfigIssue[] {
  const section = c.aggregator;
  const n = clientsPerRound(c);
  const samples = `this experiment samples ${n} of ${c.partition.numClients} clients`;
  const switchedOn = PRE_AGGREGATOR_PLUGINS.filter((pre) => section[pre.name]);
  // What the rule itself receives from `clients` sampled updates, after the pre-aggregators (bucketing merges some).
  const reaching = (clients: number) => switchedOn.reduce((m, pre) => pre.handsOn?.(section as never, m) ?? m, clients);
  const clientsFor = (need: number) => {
    let clients = need;
    while (reaching(clients) < need) clients++;
    return clients;
  };
  const rule = findPlugin(AGGREGATOR_PLUGINS, section.name, 'aggregator');
  const seen = reaching(n);
  const ruleIssues = (rule.roundNeeds?.(section as never) ?? [])
    .filter(({ need }) => seen < need)
    .map(({ param, need, why, fix }) => ({
      path: `aggregator.${param ?? 'name'}`,
      message:
        `${why}, but ${samples}${seen === n ? '' : `, which pre-aggregation turns into ${seen} updates`} — ` +
        fix(seen, sampleAtLeast(c, clientsFor(need))),
    }));
  if (ruleIssues.some((i) => i.path === 'aggregator.name')) return ruleIssues;
  const preIssues = switchedOn.flatMap((pre) =>
    (pre.roundNeeds?.(section as never) ?? [])
      .filter(({ need }) => n < need)
      .map(({ param, need, why, fix }) => ({
        path: `aggregator.${param ?? pre.name}`,
        message: `${why}, but ${samples} — ${fix(n, sampleAtLeast(c, need))}`,
      })),
  );
  return [...ruleIssues, ...preIssues];
}

/** The change that samples at least `need` clients per round: a larger sampling.fraction, or more clients. */
function sampleAtLeast(c: ExperimentConfig, need: number): string {
  const total = c.partition.numClients;
  if (need > total) return `sample at least ${need} (there are only ${total}: raise partition.numClients)`;
  // Rounded up to the 0.001 grid of sampling.fraction, so floor(N · fraction) reaches `need`.
  return `raise sampling.fraction to ≥ ${Math.ceil((need / total) * 1000 - 1e-9) / 1000}`;
}

/** An optional field's value while unset, for the studio: a number from the rest of the config, and/or a formula. */
export interface DerivedDefault {
  path: string;
  value?(config: ExperimentConfig): number | undefined;
  /** The formula or behaviour, where a number alone would not say it (or none exists before the round). */
  label?: string;
}

/** The optional fields outside plugins (a plugin's own carry their label in its parameter metadata). */
export const DERIVED_DEFAULTS: readonly DerivedDefault[] = [
  { path: 'privacy.clipNorm', value: (c) => initialClipNorm(c.privacy) },
  {
    path: 'privacy.clippedCountStddev',
    value: (c) => clippedCountStddev(c),
    label: '0.05 × clients per round, 0 if z = 0',
  },
  { path: 'secureAggregation.neighbours', value: (c) => secAggNeighbours(c), label: '2·⌈log₂ n⌉' },
  { path: 'attack.count', value: maliciousCount, label: 'fraction × clients' },
];
