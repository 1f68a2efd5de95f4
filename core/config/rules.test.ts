// The rules between fields (rules.ts), each once, and in depth those that depend on the clients per round: robust
// aggregators need enough updates.
import { describe, expect, it } from 'vitest';
import { trimCount } from '../aggregate/trimmedMean';
import { clientsPerRound } from './derived';
import { CONFIG_RULES } from './rules';
import { ConfigError, experimentFieldsSchema, issuesFromMessage, parseConfig, type ExperimentConfigInput } from './schema';

/** The issues parseConfig reports for `input` ([] when it is valid). */
function issuesOf(input: ExperimentConfigInput): { path: string; message: string }[] {
  try {
    parseConfig(input);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.issues;
  }
}

describe('Bulyan: n ≥ 4f + 3 updates per round', () => {
  it('rejects the default experiment (10 of 20 clients) with f = 2, which needs 11, naming rule and fixes', () => {
    expect(issuesOf({ aggregator: { name: 'bulyan' } })).toEqual([
      {
        path: 'aggregator.name',
        message:
          'Bulyan needs at least 4f + 3 = 11 updates per round (f = 2), but this experiment samples 10 of 20 clients — ' +
          'raise sampling.fraction to ≥ 0.55 or lower aggregator.f to ≤ 1 (got "bulyan")',
      },
    ]);
    // Both fixes work: 0.55 · 20 = 11 sampled; f = 1 needs 4 + 3 = 7 ≤ 10.
    expect(issuesOf({ aggregator: { name: 'bulyan' }, sampling: { fraction: 0.55 } })).toEqual([]);
    expect(issuesOf({ aggregator: { name: 'bulyan', f: 1 } })).toEqual([]);
  });

  it('with f = 1 needs 7 of 20 clients: fraction 0.35 samples 7, 0.34 samples 6', () => {
    expect(issuesOf({ aggregator: { name: 'bulyan', f: 1 }, sampling: { fraction: 0.35 } })).toEqual([]);
    const [issue] = issuesOf({ aggregator: { name: 'bulyan', f: 1 }, sampling: { fraction: 0.34 } });
    expect(issue.message).toContain('4f + 3 = 7 updates per round (f = 1), but this experiment samples 6 of 20 clients');
    // n = 6 allows f ≤ floor((6 − 3)/4) = 0.
    expect(issue.message).toContain('raise sampling.fraction to ≥ 0.35 or lower aggregator.f to ≤ 0');
  });

  it('does not offer a lower f when even f = 0 (3 updates) is too many for the round', () => {
    // fraction 0.1 of 20 = 2 clients: Bulyan needs 3 even with f = 0.
    const [issue] = issuesOf({ aggregator: { name: 'bulyan', f: 1 }, sampling: { fraction: 0.1 } });
    expect(issue.message).toMatch(/samples 2 of 20 clients — raise sampling\.fraction to ≥ 0\.35 \(got "bulyan"\)$/);
  });

  it('asks for more clients when there are fewer than the rule needs', () => {
    // 4 clients, all sampled; f = 1 needs 7, f = 0 needs 3 ≤ 4.
    const [issue] = issuesOf({
      partition: { numClients: 4 },
      sampling: { fraction: 1 },
      aggregator: { name: 'bulyan', f: 1 },
    });
    expect(issue.message).toContain(
      'samples 4 of 4 clients — sample at least 7 (there are only 4: raise partition.numClients)',
    );
    expect(issue.message).toContain('or lower aggregator.f to ≤ 0');
  });
});

describe('Krum and Multi-Krum: n > 2f + 2 updates per round', () => {
  it.each(['krum', 'multi-krum'] as const)('%s with 10 sampled accepts f = 3 (needs 9), rejects f = 4 (needs 11)', (name) => {
    expect(issuesOf({ aggregator: { name, f: 3 } })).toEqual([]);
    const [issue] = issuesOf({ aggregator: { name, f: 4 } });
    expect(issue.path).toBe('aggregator.name');
    expect(issue.message).toContain('2f + 3 = 11 updates per round (f = 4), but this experiment samples 10 of 20');
    // n = 10 allows f ≤ floor((10 − 3)/2) = 3.
    expect(issue.message).toContain('raise sampling.fraction to ≥ 0.55 or lower aggregator.f to ≤ 3');
  });

  it('counts the clients per round as Flower does: max(floor(N · fraction), min clients)', () => {
    // floor(20 · 0.05) = 1 but min clients 5: 5 sampled, exactly Krum's 2·1 + 3 with f = 1.
    const config = { sampling: { fraction: 0.05, minClients: 5 }, aggregator: { name: 'krum', f: 1 } } as const;
    expect(clientsPerRound(parseConfig(config))).toBe(5);
    expect(issuesOf({ ...config, sampling: { fraction: 0.05, minClients: 4 } })[0].message).toContain('samples 4 of 20');
  });

  it('Multi-Krum cannot average more updates (m) than a round has', () => {
    expect(issuesOf({ aggregator: { name: 'multi-krum', f: 1, multiKrumM: 10 } })).toEqual([]);
    expect(issuesOf({ aggregator: { name: 'multi-krum', f: 1, multiKrumM: 11 } })).toEqual([
      {
        path: 'aggregator.multiKrumM',
        message:
          "Multi-Krum averages the m = 11 best of the round's updates, but this experiment samples 10 of 20 clients — " +
          'lower aggregator.multiKrumM to ≤ 10 (or unset it: n − f) or raise sampling.fraction to ≥ 0.55 (got 11)',
      },
    ]);
  });
});

describe('NNM: n > f updates per round', () => {
  it('rejects f = 2 with 2 sampled (4 clients × 0.5) on the NNM switch, and accepts f = 1', () => {
    const base = { partition: { numClients: 4 }, sampling: { fraction: 0.5 } };
    expect(issuesOf({ ...base, aggregator: { nnm: true, f: 1 } })).toEqual([]);
    expect(issuesOf({ ...base, aggregator: { nnm: true, f: 2 } })).toEqual([
      {
        path: 'aggregator.nnm',
        message:
          'NNM pre-aggregation needs at least f + 1 = 3 updates per round (f = 2), but this experiment samples 2 of 4 ' +
          'clients — raise sampling.fraction to ≥ 0.75 or lower aggregator.f to ≤ 1 (got true)',
      },
    ]);
  });

  it('is covered by the stronger rule of the aggregator it feeds: one issue for NNM + Bulyan', () => {
    expect(issuesOf({ aggregator: { name: 'bulyan', nnm: true } }).map((i) => i.path)).toEqual(['aggregator.name']);
  });
});

describe('rules that need no check', () => {
  it('trimmed mean: every β the schema allows (≤ 0.49) leaves at least one value for any n', () => {
    for (let n = 1; n <= 500; n++) expect(2 * trimCount(0.49, n), `n = ${n}`).toBeLessThan(n);
    const oneClient = { partition: { numClients: 1 }, sampling: { minClients: 1 } };
    expect(issuesOf({ ...oneClient, aggregator: { name: 'trimmed-mean', trimBeta: 0.49 } })).toEqual([]);
  });

  it('dropouts: the rules check the sampled count, so a valid round size with dropouts is accepted', () => {
    // 11 of 20 sampled meet Bulyan's 11; a round that loses clients to dropouts is the aggregator's runtime error.
    const withDropouts = { sampling: { fraction: 0.55 }, system: { dropoutProb: 0.5 } };
    expect(issuesOf({ ...withDropouts, aggregator: { name: 'bulyan' } })).toEqual([]);
  });
});

describe('the suggested sampling.fraction', () => {
  it('is the smallest value on the 0.001 grid that samples enough clients', () => {
    for (let numClients = 3; numClients <= 500; numClients += 19) {
      for (let f = 0; 4 * f + 3 <= numClients; f += 4) {
        const input = (fraction: number) => ({
          partition: { numClients },
          sampling: { fraction, minClients: 1 },
          aggregator: { name: 'bulyan' as const, f },
        });
        const issues = issuesOf(input(0.001));
        if (issues.length === 0) continue;
        const suggested = Number(/sampling\.fraction to ≥ ([\d.]+)/.exec(issues[0].message)?.[1]);
        expect(issuesOf(input(suggested)), `N = ${numClients}, f = ${f}`).toEqual([]);
        expect(issuesOf(input(Math.round(suggested * 1000 - 1) / 1000)), `N = ${numClients}, f = ${f}`).not.toEqual([]);
      }
    }
  });
});

describe('issuesFromMessage', () => {
  it('reads back the issues of a ConfigError message, and keeps any other error whole', () => {
    const issues = [
      { path: 'partition.alpha', message: 'Dirichlet(α=0.001) left some client below …: raise partition.alpha' },
      { path: 'aggregator.name', message: 'Bulyan needs at least 4f + 3 = 11 updates per round' },
    ];
    expect(issuesFromMessage(new ConfigError(issues).message)).toEqual(issues);
    expect(issuesFromMessage('could not load public/data/mnist.bin (404)')).toEqual([
      { path: '', message: 'could not load public/data/mnist.bin (404)' },
    ]);
  });
});

describe('the rules table: each rule once', () => {
  // A config that breaks the rule, the field its issue is shown on, words of the message, and the fix that keeps it.
  const cases: Record<string, { broken: ExperimentConfigInput; path: string; says: string; fixed: ExperimentConfigInput }> = {
    'the CNN needs images': {
      broken: { data: { dataset: 'moons' }, model: { kind: 'cnn' } },
      path: 'model.kind',
      says: 'the CNN needs image data: use dataset "mnist"',
      fixed: { data: { dataset: 'moons' }, model: { kind: 'mlp' } },
    },
    'min clients ≤ clients': {
      broken: { partition: { numClients: 5 }, sampling: { minClients: 6 } },
      path: 'sampling.minClients',
      says: 'must be ≤ partition.numClients (5)',
      fixed: { partition: { numClients: 5 }, sampling: { minClients: 5 } },
    },
    'robust rules need enough updates per round': {
      broken: { aggregator: { name: 'krum', f: 4 } },
      path: 'aggregator.name',
      says: 'Krum needs at least 2f + 3 = 11 updates per round (f = 4)',
      fixed: { aggregator: { name: 'krum', f: 3 } },
    },
    'central DP needs the mean': {
      broken: { privacy: { mode: 'central' }, aggregator: { name: 'median' } },
      path: 'aggregator.name',
      says: 'central DP adds noise to the sum of clipped updates: use aggregator "mean"',
      fixed: { privacy: { mode: 'local' }, aggregator: { name: 'median' } },
    },
    'adaptive clipping needs z < 2σ_b': {
      // σ_b = 0.05 × 10 clients per round = 0.5: z must stay below 1.
      broken: { privacy: { mode: 'central', clipping: 'adaptive', noiseMultiplier: 1 } },
      path: 'privacy.noiseMultiplier',
      says: 'adaptive clipping needs z < 2·σ_b = 1',
      fixed: { privacy: { mode: 'central', clipping: 'adaptive', noiseMultiplier: 0.9 } },
    },
    'secure aggregation needs the mean': {
      broken: { secureAggregation: { mode: 'secagg' }, aggregator: { name: 'median' } },
      path: 'aggregator.name',
      says: 'secure aggregation reveals only the sum of the updates',
      fixed: { secureAggregation: { mode: 'secagg' } },
    },
    'secure aggregation excludes compression': {
      broken: { secureAggregation: { mode: 'secagg' }, compression: { quantizeBits: 4 } },
      path: 'compression.quantizeBits',
      says: 'secure aggregation masks every coordinate in its own ring',
      fixed: { compression: { quantizeBits: 4 } },
    },
    'secure aggregation needs two clients': {
      broken: { secureAggregation: { mode: 'secagg' }, partition: { numClients: 1 }, sampling: { minClients: 1 } },
      path: 'sampling.minClients',
      says: 'secure aggregation needs at least 2 clients per round',
      fixed: { secureAggregation: { mode: 'secagg' }, partition: { numClients: 2 }, sampling: { minClients: 2 } },
    },
    'SecAgg+ degree is even': {
      broken: { secureAggregation: { mode: 'secagg+', neighbours: 3 } },
      path: 'secureAggregation.neighbours',
      says: 'must be even',
      fixed: { secureAggregation: { mode: 'secagg+', neighbours: 4 } },
    },
    'label flip source and target go together': {
      broken: { attack: { kind: 'label-flip', labelFlipSource: 1 } },
      path: 'attack.labelFlipTarget',
      says: 'set both labelFlipSource and labelFlipTarget',
      fixed: { attack: { kind: 'label-flip', labelFlipSource: 1, labelFlipTarget: 7 } },
    },
  };

  it('has a case for every rule', () => {
    expect(Object.keys(cases).sort()).toEqual(CONFIG_RULES.map((r) => r.id).sort());
  });

  it.each(Object.entries(cases))('%s: reported on its field, and the fix holds', (_id, { broken, path, says, fixed }) => {
    const issues = issuesOf(broken);
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toBe(path);
    expect(issues[0].message).toContain(says);
    expect(issuesOf(fixed)).toEqual([]);
  });

  it('repairs what it breaks where it says how', () => {
    for (const rule of CONFIG_RULES.filter((r) => r.repair)) {
      const broken = experimentFieldsSchema.parse(cases[rule.id].broken);
      expect(rule.check(broken), rule.id).not.toEqual([]);
      expect(rule.check(rule.repair!.apply(broken)), rule.id).toEqual([]);
    }
  });
});

describe('a rule behind bucketing sees the buckets', () => {
  it('checks Krum against ⌈n/s⌉ buckets, naming the sampling that reaches them', () => {
    const base = { partition: { numClients: 30 }, sampling: { fraction: 20 / 30 } };
    // 20 sampled, s = 2: 10 buckets; Krum with f = 4 needs 2·4 + 3 = 11 of them, i.e. 21 clients (⌈21/2⌉ = 11).
    expect(issuesOf({ ...base, aggregator: { name: 'krum', f: 4, bucketing: true } })).toEqual([
      {
        path: 'aggregator.name',
        message:
          'Krum needs at least 2f + 3 = 11 updates per round (f = 4), but this experiment samples 20 of 30 clients, ' +
          'which pre-aggregation turns into 10 updates — raise sampling.fraction to ≥ 0.7 or lower aggregator.f to ≤ 3 ' +
          '(got "krum")',
      },
    ]);
    expect(issuesOf({ ...base, aggregator: { name: 'krum', f: 3, bucketing: true } })).toEqual([]);
    expect(issuesOf({ ...base, sampling: { fraction: 0.7 }, aggregator: { name: 'krum', f: 4, bucketing: true } })).toEqual([]);
  });
});
