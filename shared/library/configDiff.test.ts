import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../core/config/schema';
import { configDiff } from './configDiff';

describe('configDiff', () => {
  it('lists every leaf side by side and marks the ones that differ', () => {
    const a = parseConfig({ name: 'a', partition: { alpha: 0.1 }, model: { hidden: [64, 32] } });
    const b = parseConfig({ name: 'b', partition: { alpha: 0.5 }, strategy: { serverLr: 0.2 } });
    const rows = configDiff([a, b]);
    const byPath = Object.fromEntries(rows.map((r) => [r.path, r]));
    expect(rows.filter((r) => !r.same).map((r) => r.path)).toEqual(['name', 'partition.alpha', 'model.hidden', 'strategy.serverLr']);
    expect(byPath['partition.alpha']).toEqual({ path: 'partition.alpha', values: ['0.1', '0.5'], same: false });
    expect(byPath['model.hidden'].values).toEqual(['[64,32]', '[128]']);
    // An optional field set in one config only: unset (null) in the other.
    expect(byPath['strategy.serverLr'].values).toEqual([null, '0.2']);
    expect(byPath['data.dataset']).toEqual({ path: 'data.dataset', values: ['"mnist"', '"mnist"'], same: true });
    expect(rows[0].path).toBe('version');
  });
});
