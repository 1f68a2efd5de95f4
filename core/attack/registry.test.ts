import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ATTACKS, attackSchema, defaultConfig, parseConfig } from '../config/schema';
import { EXTENSION_POINTS } from '../extensionPoints';
import { paramMeta } from '../plugin';
import { ATTACK_PLUGINS, createAttack } from './registry';

describe('attack registry and config', () => {
  it('offers each plugin by its name, none first and by default', () => {
    expect(ATTACKS).toEqual(ATTACK_PLUGINS.map((p) => p.name));
    expect(attackSchema.unwrap().shape.kind.unwrap().options).toEqual([...ATTACKS]);
    expect(ATTACKS[0]).toBe('none');
    expect(defaultConfig().attack.kind).toBe('none');
    expect(EXTENSION_POINTS.find((p) => p.section === 'attack')?.plugins).toBe(ATTACK_PLUGINS);
  });

  it('describes every plugin and every field of the section for the studio and the CLI', () => {
    for (const plugin of ATTACK_PLUGINS) {
      expect(plugin.label, plugin.name).toBeTruthy();
      expect(plugin.help, plugin.name).toBeTruthy();
      expect(plugin.help, plugin.name).not.toContain('\n');
      // Every attack names the paper or reference implementation it follows.
      if (plugin.name !== 'none') expect(plugin.help, plugin.name).toMatch(/\d{4}|ByzFL/);
      for (const [key, schema] of Object.entries(plugin.params)) {
        const meta = paramMeta.get(schema as z.ZodType);
        expect(meta?.label, `${plugin.name}.${key}`).toBeTruthy();
        expect(meta?.help, `${plugin.name}.${key}`).toBeTruthy();
      }
    }
    for (const [key, schema] of Object.entries(attackSchema.unwrap().shape)) {
      const meta = paramMeta.get(schema as z.ZodType);
      expect(meta?.label, key).toBeTruthy();
      expect(meta?.help, key).toBeTruthy();
    }
  });

  it('names the default of every optional parameter', () => {
    for (const plugin of ATTACK_PLUGINS) {
      for (const [key, schema] of Object.entries(plugin.params)) {
        if ((schema as z.ZodType).safeParse(undefined).data === undefined) {
          expect(paramMeta.get(schema as z.ZodType)?.defaultLabel, `${plugin.name}.${key}`).toBeTruthy();
        }
      }
    }
  });

  it('keeps the section of config version 1: its fields, defaults and ranges, new parameters unset', () => {
    expect(defaultConfig().attack).toEqual({
      kind: 'none',
      fraction: 0.2,
      startRound: 1,
      signFlipScale: 1,
      signFlipOmniscient: false,
      gaussianStd: 1,
      ipmEpsilon: 0.1,
      backdoorTarget: 0,
      poisonFraction: 0.5,
      triggerSize: 3,
    });
    expect(() => parseConfig({ attack: { ipmEpsilon: 101 } })).toThrow('attack.ipmEpsilon: must be ≤ 100 (got 101)');
    expect(() => parseConfig({ attack: { alieZ: -11 } })).toThrow('attack.alieZ: must be ≥ -10');
    expect(() => parseConfig({ attack: { triggerSize: 1.5 } })).toThrow('attack.triggerSize');
    expect(() => parseConfig({ attack: { kind: 'fang' } })).toThrow('attack.kind: must be one of');
    expect(() => parseConfig({ attack: { mimicIndex: -1 } })).toThrow('attack.mimicIndex');
    expect(() => parseConfig({ attack: { optRatio: 1 } })).toThrow('attack.optRatio');
  });

  it('gives each attack its hooks: data poisoning, forging, a success test, omniscience', () => {
    const hooks = (kind: string, extra: object = {}) => {
      const attack = createAttack(parseConfig({ attack: { kind, ...extra } }).attack, { seed: 1 });
      return [attack.poisonData && 'data', attack.forge && 'forge', attack.successTest && 'test', attack.omniscient && 'omniscient']
        .filter(Boolean)
        .join(' ');
    };
    expect(Object.fromEntries(ATTACKS.map((kind) => [kind, hooks(kind)]))).toEqual({
      none: '',
      'label-flip': 'data test',
      backdoor: 'data test',
      'sign-flip': 'forge',
      gaussian: 'forge',
      scaling: 'forge',
      alie: 'forge omniscient',
      ipm: 'forge omniscient',
      'free-rider': 'forge',
      mimic: 'forge omniscient',
      inf: 'forge',
      'opt-alie': 'forge omniscient',
      'opt-ipm': 'forge omniscient',
    });
    expect(hooks('sign-flip', { signFlipOmniscient: true })).toBe('forge omniscient');
  });
});
