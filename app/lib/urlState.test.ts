import { describe, expect, it } from 'vitest';
import { deflateSync, strToU8 } from 'fflate';
import { defaultConfig, parseConfig } from '../../core/config/schema';
import { decodeConfigHash, encodeConfigHash, repairConfig } from './urlState';

function hashOf(value: unknown): string {
  const b64 = btoa(String.fromCharCode(...deflateSync(strToU8(JSON.stringify(value)))));
  return `#v1.${b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

describe('encodeConfigHash / decodeConfigHash', () => {
  it('encodes the defaults as an empty hash and decodes it back', () => {
    expect(encodeConfigHash(defaultConfig())).toBe('');
    expect(decodeConfigHash('')).toEqual({ config: defaultConfig(), variants: [], issues: [] });
  });

  it('round-trips a changed experiment exactly', () => {
    const config = parseConfig({
      name: 'Dirichlet demo',
      rounds: 3,
      partition: { method: 'dirichlet', alpha: 0.1, numClients: 50 },
      model: { hidden: [64, 32] },
      strategy: { name: 'fedadam', serverLr: 0.05 },
    });
    const hash = encodeConfigHash(config);
    expect(hash).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(decodeConfigHash(`#${hash}`)).toEqual({ config, variants: [], issues: [] });
  });

  it('carries variants as a top-level key beside the config diff, and round-trips them', () => {
    const config = parseConfig({ rounds: 3 });
    const variants = [{ set: { 'aggregator.name': 'median' } }, { label: 'z = 1', set: { 'privacy.noiseMultiplier': 1 } }];
    const hash = encodeConfigHash(config, variants);
    expect(decodeConfigHash(`#${hash}`)).toEqual({ config, variants, issues: [] });
    expect(encodeConfigHash(defaultConfig(), variants)).not.toBe('');
  });

  it('drops a bad variant, naming it by its place (the base is 0), and keeps the others', () => {
    const decoded = decodeConfigHash(
      hashOf({ rounds: 3, variants: [{ set: { 'aggregator.name': 'median' } }, { set: { 'aggregator.name': 'magic' } }, { set: {} }] }),
    );
    expect(decoded.config.rounds).toBe(3);
    expect(decoded.variants).toEqual([{ set: { 'aggregator.name': 'median' } }]);
    expect(decoded.issues.map((i) => i.path)).toEqual(['variants.2.set.aggregator.name', 'variants.3.set']);
    expect(decodeConfigHash(hashOf({ variants: 'median' })).issues).toEqual([{ path: 'variants', message: 'must be a list of variants: dropped' }]);
  });

  it('keeps only differing fields, so a one-field change stays short', () => {
    const hash = encodeConfigHash(parseConfig({ partition: { alpha: 0.1 } }));
    expect(hash.length).toBeLessThan(60);
  });

  it('resets only the bad field and names it with its range', () => {
    const decoded = decodeConfigHash(hashOf({ rounds: 7, partition: { alpha: -1, numClients: 30 } }));
    expect(decoded.config.rounds).toBe(7);
    expect(decoded.config.partition.numClients).toBe(30);
    expect(decoded.config.partition.alpha).toBe(defaultConfig().partition.alpha);
    expect(decoded.issues).toEqual([{ path: 'partition.alpha', message: 'must be ≥ 0.001 (got -1)' }]);
  });

  it('drops unknown fields and bad enum values, keeping the rest', () => {
    const decoded = decodeConfigHash(hashOf({ seed: 7, bogus: 1, strategy: { name: 'fedmagic', beta1: 0.5 } }));
    expect(decoded.config.seed).toBe(7);
    expect(decoded.config.strategy.beta1).toBe(0.5);
    expect(decoded.config.strategy.name).toBe('fedavg');
    expect(decoded.issues.map((i) => i.path).sort()).toEqual(['', 'strategy.name']);
    expect(decoded.issues.find((i) => i.path === '')?.message).toContain('"bogus"');
  });

  it('repairs a cross-field rule even when the failing field is already at its default', () => {
    // minClients defaults to 2, which is more than one client: the sampling group falls back to defaults, then the
    // rule still fails, so the whole config is reset rather than looping.
    const repaired = repairConfig({ rounds: 4, partition: { numClients: 1 } });
    expect(repaired.issues[0].path).toBe('sampling.minClients');
    expect(() => parseConfig(repaired.config)).not.toThrow();
  });

  it('cuts array indices off the path it resets', () => {
    const decoded = decodeConfigHash(hashOf({ model: { hidden: [64, -3] } }));
    expect(decoded.config.model.hidden).toEqual([128]);
    expect(decoded.issues[0].path).toBe('model.hidden.1');
  });

  it('falls back to the defaults with a message for damaged, foreign and future links', () => {
    for (const [hash, text] of [
      ['#v1.%%%notbase64', 'damaged'],
      ['#hello', 'does not hold a FedStudio experiment'],
      ['#v9.abc', 'format v9'],
      [hashOf([1, 2]), 'experiment object'],
    ] as const) {
      const decoded = decodeConfigHash(hash);
      expect(decoded.config).toEqual(defaultConfig());
      expect(decoded.issues).toEqual([{ path: '(link)', message: expect.stringContaining(text) as string }]);
      expect(decoded.issues[0].message).toMatch(/: using the default experiment$/);
    }
  });

  it('keeps the open experiment when a pasted link cannot be read, and says so', () => {
    const current = parseConfig({ rounds: 3, partition: { numClients: 30 } });
    const decoded = decodeConfigHash('#v1.this-is-not-an-experiment', current);
    expect(decoded.config).toBe(current);
    expect(decoded.issues).toEqual([
      { path: '(link)', message: 'the link is damaged (its data could not be decoded): kept the current experiment' },
    ]);
    // A link that can be read replaces it (bad fields reset and named, as when opening it).
    expect(decodeConfigHash(hashOf({ rounds: 7, partition: { alpha: -1 } }), current).config.rounds).toBe(7);
  });
});
