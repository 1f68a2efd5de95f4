import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig } from '../../core/config/schema';
import { canonicalJson, experimentId } from './contentAddress';

describe('content address', () => {
  it('writes canonical JSON: keys sorted at every level, arrays in order, undefined members left out', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 'é' }], c: null, u: undefined } })).toBe(
      '{"a":{"c":null,"d":[2,{"x":"é","y":1}]},"b":1}',
    );
  });

  it('is the SHA-256 of the canonical config without its name', () => {
    const config = defaultConfig();
    const { name: _, ...rest } = config;
    expect(experimentId(config)).toBe(createHash('sha256').update(canonicalJson(rest)).digest('hex'));
    expect(experimentId(config)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ignores the name and the key order of the input, not the values', () => {
    const a = parseConfig({ name: 'A', train: { lr: 0.1, batchSize: 16 }, rounds: 5 });
    const b = parseConfig({ rounds: 5, train: { batchSize: 16, lr: 0.1 }, name: 'B' });
    expect(experimentId(a)).toBe(experimentId(b));
    // Writing a default explicitly is the same experiment; changing a value is not.
    expect(experimentId(parseConfig({ rounds: 5, seed: 42, train: { lr: 0.1, batchSize: 16 } }))).toBe(experimentId(a));
    expect(experimentId(parseConfig({ rounds: 5, train: { lr: 0.1, batchSize: 17 } }))).not.toBe(experimentId(a));
  });
});
