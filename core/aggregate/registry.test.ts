import { describe, expect, it } from 'vitest';
import { AGGREGATORS, ConfigError, defaultConfig, parseConfig } from '../config/schema';
import { aggregators, createAggregator } from './registry';

describe('aggregator registry and config', () => {
  it('has one factory per configurable name, each building a fresh instance of that name', () => {
    expect(Object.keys(aggregators).sort()).toEqual([...AGGREGATORS].sort());
    for (const name of AGGREGATORS) {
      // All 20 clients per round: enough for every rule with the default f = 2 (Bulyan needs 4f + 3 = 11).
      const config = parseConfig({ sampling: { fraction: 1 }, aggregator: { name } });
      expect(createAggregator(config).name).toBe(name);
      expect(createAggregator(config)).not.toBe(createAggregator(config));
    }
  });

  it('defaults: mean, f = 2, β = 0.2, m unset, τ = 1, L = 1, M = 1, σ = 0, no NNM', () => {
    expect(defaultConfig().aggregator).toEqual({
      name: 'mean',
      f: 2,
      trimBeta: 0.2,
      clipTau: 1,
      clipIterations: 1,
      normBound: 1,
      normBoundNoise: 0,
      nnm: false,
    });
  });

  it('rejects out-of-range values naming the field', () => {
    expect(() => parseConfig({ aggregator: { trimBeta: 0.5 } })).toThrow(ConfigError);
    expect(() => parseConfig({ aggregator: { trimBeta: 0.5 } })).toThrow('aggregator.trimBeta: must be ≤ 0.49 (got 0.5)');
    expect(() => parseConfig({ aggregator: { f: 1.5 } })).toThrow('aggregator.f');
    expect(() => parseConfig({ aggregator: { name: 'fltrust' } })).toThrow('aggregator.name: must be one of');
  });
});
