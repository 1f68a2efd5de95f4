import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { variantConfigs } from '../../core/config/variants';
import { DUEL_PRESETS, PRESETS } from './presets';

describe('PRESETS', () => {
  it('bundles every examples/*.json, each a valid named experiment', () => {
    const files = readdirSync(path.resolve(__dirname, '../../examples')).filter((f) => f.endsWith('.json'));
    expect(PRESETS.map((p) => `${p.id}.json`).sort()).toEqual(files.sort());
    for (const preset of PRESETS) expect(preset.config.name).not.toBe('Untitled experiment');
  });

  it('has duels (sign-flip mean vs median, DP z = 0 vs 1, α = 100 vs 0.1), each a valid experiment with valid variants', () => {
    expect(DUEL_PRESETS.map((p) => p.id)).toEqual(['duel-signflip', 'duel-dp', 'duel-noniid']);
    for (const duel of DUEL_PRESETS) {
      const configs = variantConfigs(duel.config, duel.variants ?? []);
      expect(configs).toHaveLength(2);
      expect(configs[0]).toEqual(duel.config);
    }
  });
});
