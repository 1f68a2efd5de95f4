import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { PRESETS } from './presets';

describe('PRESETS', () => {
  it('bundles every examples/*.json, each a valid named experiment', () => {
    const files = readdirSync(path.resolve(__dirname, '../../examples')).filter((f) => f.endsWith('.json'));
    expect(PRESETS.map((p) => `${p.id}.json`).sort()).toEqual(files.sort());
    for (const preset of PRESETS) expect(preset.config.name).not.toBe('Untitled experiment');
  });
});
