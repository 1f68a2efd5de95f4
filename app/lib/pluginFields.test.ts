import { describe, expect, it } from 'vitest';
import { parseConfig, partitionSchema, strategySchema, type ExperimentConfigInput } from '../../core/config/schema';
import { extensionPoint } from '../../core/extensionPoints';
import { pluginFields } from './pluginFields';

const spec = (fields: ReturnType<typeof pluginFields>, path: string) => fields.find((f) => f.path === path)!;

describe('pluginFields', () => {
  const strategy = pluginFields(extensionPoint('strategy'), strategySchema);
  const partition = pluginFields(extensionPoint('partition'), partitionSchema, {
    featureSkewStrength: { when: (c) => c.partition.featureSkew !== 'none' },
  });
  const shown = (path: string, input: ExperimentConfigInput) => {
    const field = spec(path.startsWith('strategy') ? strategy : partition, path);
    return field.when?.(parseConfig(input)) ?? true;
  };

  it('shows a shared parameter’s default for the selected plugin (serverLr: Flower’s per strategy)', () => {
    const defaultFrom = spec(strategy, 'strategy.serverLr').defaultFrom!;
    const lr = (name: string) => defaultFrom(parseConfig({ strategy: { name } }));
    expect(['fedavg', 'fedprox', 'fedavgm', 'fedadam', 'fedyogi', 'fedadagrad'].map(lr)).toEqual([
      undefined,
      undefined,
      1,
      0.1,
      0.01,
      0.1,
    ]);
    expect(shown('strategy.serverLr', { strategy: { name: 'fedprox' } })).toBe(false);
    expect(shown('strategy.serverLr', { strategy: { name: 'fedadagrad' } })).toBe(true);
  });

  it('shows the section’s own fields whichever plugin is chosen, unless the caller says when', () => {
    for (const method of ['iid', 'shard'] as const) {
      expect(shown('partition.numClients', { partition: { method } })).toBe(true);
      expect(shown('partition.quantitySkew', { partition: { method } })).toBe(true);
    }
    expect(shown('partition.featureSkewStrength', {})).toBe(false);
    expect(shown('partition.featureSkewStrength', { partition: { featureSkew: 'noise' } })).toBe(true);
    expect(shown('partition.shardsPerClient', { partition: { method: 'iid' } })).toBe(false);
  });

  it('refuses to add to a field the section does not have', () => {
    expect(() => pluginFields(extensionPoint('partition'), partitionSchema, { nope: { step: 1 } })).toThrow(
      'partition.nope is not a field of the section',
    );
  });
});
