import { describe, expect, it } from 'vitest';
import { STRATEGIES, parseConfig } from '../config/schema';
import { createStrategy } from './registry';

describe('strategy registry', () => {
  it('builds every configurable strategy under its own name', () => {
    for (const name of STRATEGIES) {
      expect(createStrategy(parseConfig({ strategy: { name } })).name).toBe(name);
    }
  });

  it('a live change of its parameters keeps the server state; another strategy starts from zero', () => {
    // FedAvgM v ← βv + Δ, x ← x + ηv (β = 0.5): after Δ = 1 twice, v = 1.5; at η = 0.5 the next Δ = 1 gives
    // v = 1.75 and x + 0.875.
    const x = Float32Array.from([0]);
    const one = Float32Array.from([1]);
    const before = createStrategy(parseConfig({ strategy: { name: 'fedavgm', serverLr: 1, serverMomentum: 0.5 } }));
    before.step(x, one, 1);
    before.step(x, one, 2);
    const retuned = createStrategy(parseConfig({ strategy: { name: 'fedavgm', serverLr: 0.5, serverMomentum: 0.5 } }), before);
    expect(Array.from(retuned.step(x, one, 3))).toEqual([0.875]);
    const fresh = createStrategy(parseConfig({ strategy: { name: 'fedadam' } }));
    const switched = createStrategy(parseConfig({ strategy: { name: 'fedadam' } }), retuned);
    expect(switched.step(x, one, 4)).toEqual(fresh.step(x, one, 4));
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
