import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/schema';
import { rngFor } from '../rng';
import { attackActive, maliciousClients } from './malicious';

describe('maliciousClients', () => {
  it('draws round(fraction · n) clients from rngFor(seed, "attack")', () => {
    const config = parseConfig({ seed: 5, attack: { kind: 'sign-flip', fraction: 0.2 } });
    const expected = rngFor(5, 'attack').sampleWithoutReplacement(20, 4);
    expect([...maliciousClients(config)]).toEqual(expected);
  });

  it('uses count over fraction, and is empty without an attack', () => {
    expect(maliciousClients(parseConfig({ attack: { kind: 'gaussian', count: 7 } })).size).toBe(7);
    expect(maliciousClients(parseConfig({ attack: { fraction: 0.5 } })).size).toBe(0);
  });

  it('attacks from startRound on', () => {
    const config = parseConfig({ attack: { kind: 'ipm', startRound: 3 } });
    expect([2, 3, 4].map((r) => attackActive(config, r))).toEqual([false, true, true]);
  });

  it('rejects a label-flip source without a target', () => {
    expect(() => parseConfig({ attack: { kind: 'label-flip', labelFlipSource: 1 } })).toThrow('attack.labelFlipTarget');
  });
});
