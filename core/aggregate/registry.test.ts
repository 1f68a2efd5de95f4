import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, aggregatorSchema, defaultConfig, parseConfig } from '../config/schema';
import { paramMeta } from '../plugin';
import { krum } from './krum';
import { AGGREGATOR_PLUGINS, PRE_AGGREGATOR_PLUGINS, createAggregator } from './registry';

describe('aggregator registry and config', () => {
  it('offers each plugin by its name, each building a fresh instance of that name', () => {
    expect(aggregatorSchema.unwrap().shape.name.unwrap().options).toEqual(AGGREGATOR_PLUGINS.map((p) => p.name));
    for (const { name } of AGGREGATOR_PLUGINS) {
      const section = aggregatorSchema.parse({ name });
      expect(createAggregator(section, { seed: 1 }).name).toBe(name);
      expect(createAggregator(section, { seed: 1 })).not.toBe(createAggregator(section, { seed: 1 }));
    }
  });

  it('builds a plugin from its own parameters alone', () => {
    const rule = krum.create({ f: 0 }, { seed: 1 });
    const updates = [0, 1, 10].map((x, clientId) => ({ clientId, delta: Float32Array.of(x), weight: 1 }));
    // f = 0: each scores the sum of its 1 nearest squared distance; 0 and 1 tie at 1, the lower id wins.
    expect(Array.from(rule.aggregate(updates, { round: 1, global: Float32Array.of(0) }))).toEqual([0]);
  });

  it('describes every parameter and switch for the studio', () => {
    for (const [key, schema] of Object.entries(aggregatorSchema.unwrap().shape)) {
      const meta = paramMeta.get(schema as z.ZodType);
      expect(meta?.label, key).toBeTruthy();
      expect(meta?.help, key).toBeTruthy();
    }
    for (const plugin of [...AGGREGATOR_PLUGINS, ...PRE_AGGREGATOR_PLUGINS]) expect(plugin.help).toMatch(/\d{4}|Flower|ByzFL/);
  });

  it('wraps the aggregator in the pre-aggregators switched on', () => {
    expect(createAggregator(aggregatorSchema.parse({ name: 'median', nnm: true }), { seed: 1 }).name).toBe('nnm+median');
  });

  it('defaults: mean, f = 2, β = 0.2, m unset, τ = 1, L = 1, M = 1, σ = 0, no pre-aggregation', () => {
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
