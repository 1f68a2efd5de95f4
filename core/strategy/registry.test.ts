import { describe, expect, it } from 'vitest';
import { STRATEGIES, parseConfig } from '../config/schema';
import { createStrategy } from './registry';

describe('strategy registry', () => {
  it('builds every configurable strategy under its own name', () => {
    for (const name of STRATEGIES) {
      expect(createStrategy(parseConfig({ strategy: { name } })).name).toBe(name);
    }
  });

  it('returns a fresh server state per call', () => {
    const config = parseConfig({ strategy: { name: 'fedadam' } });
    const a = createStrategy(config);
    a.step(Float32Array.from([0]), Float32Array.from([5]), 1);
    const b = createStrategy(config);
    const c = createStrategy(config);
    const [x, d] = [Float32Array.from([0]), Float32Array.from([1])];
    expect(b.step(x, d, 1)).toEqual(c.step(x, d, 1));
  });
});
