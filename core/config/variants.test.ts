import { describe, expect, it } from 'vitest';
import { ConfigError } from './configError';
import { parseConfig } from './schema';
import { MAX_VARIANTS, variantConfigs, variantLabel, variantLabels, variantSpecsSchema, type VariantSpec } from './variants';

const base = parseConfig({
  name: 'Sign flip',
  attack: { kind: 'sign-flip' },
  partition: { numClients: 10, method: 'dirichlet', alpha: 1 },
});

function issuesOf(fn: () => unknown): { path: string; message: string }[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error.issues;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('variantConfigs', () => {
  it('gives the base first, then each spec applied to it; everything else is the base', () => {
    const configs = variantConfigs(base, [
      { set: { 'aggregator.name': 'median' } },
      { set: { 'privacy.mode': 'central', 'privacy.noiseMultiplier': 0.5 } },
    ]);
    expect(configs).toHaveLength(3);
    expect(configs[0]).toBe(base);
    expect(configs[1]).toEqual({ ...base, aggregator: { ...base.aggregator, name: 'median' } });
    expect(configs[2]).toEqual({ ...base, privacy: { ...base.privacy, mode: 'central', noiseMultiplier: 0.5 } });
    // The base is not touched.
    expect(base.aggregator.name).toBe('mean');
  });

  it('no specs: the base alone', () => {
    expect(variantConfigs(base, [])).toEqual([base]);
  });

  it('names the variant and its field, with what would fix it', () => {
    expect(issuesOf(() => variantConfigs(base, [{ set: { 'aggregator.name': 'median' } }, { set: { 'aggregator.name': 'medain' } }]))).toEqual([
      { path: 'variants.2.set.aggregator.name', message: expect.stringMatching(/^must be one of "mean", .*"median".* \(got "medain"\)$/) },
    ]);
    expect(issuesOf(() => variantConfigs(base, [{ set: { 'partition.alpha': -1 } }]))).toEqual([
      { path: 'variants.1.set.partition.alpha', message: 'must be ≥ 0.001 (got -1)' },
    ]);
  });

  it('an unknown path names the variant, the path and the fields it could be', () => {
    expect(issuesOf(() => variantConfigs(base, [{ set: { 'aggregator.nmae': 'median' } }]))).toEqual([
      {
        path: 'variants.1.set.aggregator.nmae',
        message: expect.stringMatching(/^unknown config field "aggregator.nmae" \(fields of "aggregator": name, .*\)$/),
      },
    ]);
  });

  it('a rule between fields broken elsewhere names the variant and the field', () => {
    // Central DP needs the mean aggregator: the variant sets privacy.mode, the rule reports on another field.
    const issues = issuesOf(() => variantConfigs({ ...base, aggregator: { ...base.aggregator, name: 'median' } }, [{ set: { 'privacy.mode': 'central' } }]));
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) expect(issue.path).toMatch(/^variants\.1(\.set\.privacy\.mode)?$/);
  });

  it(`refuses more than ${MAX_VARIANTS - 1} specs and empty ones`, () => {
    const spec: VariantSpec = { set: { 'aggregator.name': 'median' } };
    expect(issuesOf(() => variantConfigs(base, [spec, spec, spec, spec]))).toEqual([
      { path: 'variants', message: 'at most 3 variants besides the base (4 runs side by side): remove one' },
    ]);
    expect(issuesOf(() => variantConfigs(base, [{ set: {} }]))).toEqual([
      { path: 'variants.1.set', message: 'must change at least one field, e.g. { "aggregator.name": "median" }' },
    ]);
    expect(variantSpecsSchema.safeParse([{ set: { version: 2 } }]).success).toBe(false);
  });
});

describe('variant labels', () => {
  it('an enum field is its value; the base gets the same fields at its own values', () => {
    const specs = [{ set: { 'aggregator.name': 'median' } }];
    expect(variantLabel(base, specs[0])).toBe('median');
    expect(variantLabels(base, specs)).toEqual(['mean', 'median']);
  });

  it('a number is "symbol = value", from the label of the field or its notation', () => {
    expect(variantLabel(base, { set: { 'partition.alpha': 0.1 } })).toBe('α = 0.1');
    expect(variantLabel(base, { set: { 'privacy.mode': 'central', 'privacy.noiseMultiplier': 1 } })).toBe('DP central, noise z = 1');
    expect(variantLabel(base, { set: { 'strategy.serverLr': 0.5 } })).toBe('η = 0.5');
    expect(variantLabel(base, { set: { 'aggregator.f': 2 } })).toBe('f = 2');
    expect(variantLabel(base, { set: { 'partition.numClients': 50 } })).toBe('clients = 50');
    expect(variantLabels(base, [{ set: { 'partition.alpha': 0.1 } }, { set: { 'privacy.noiseMultiplier': 2 } }])).toEqual([
      'α = 1, noise z = 1',
      'α = 0.1',
      'noise z = 2',
    ]);
  });

  it('"none" reads as "no …", booleans as on/off, unset as default; an own label wins', () => {
    expect(variantLabel(base, { set: { 'attack.kind': 'none' } })).toBe('no attack');
    expect(variantLabel(base, { set: { 'evaluation.federated': false } })).toBe('federated off');
    expect(variantLabels(base, [{ set: { 'privacy.clipNorm': 2 } }])).toEqual(['clip S default', 'clip S = 2']);
    expect(variantLabel(base, { label: 'robust', set: { 'aggregator.name': 'median' } })).toBe('robust');
    expect(variantLabels(base, [])).toEqual(['base']);
  });
});
