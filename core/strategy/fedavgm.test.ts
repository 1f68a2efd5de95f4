import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/schema';
import { createFedAvgM } from './fedavgm';

const f32 = (...v: number[]) => Float32Array.from(v);
const cfg = (strategy: object) => parseConfig({ strategy: { name: 'fedavgm', ...strategy } }).strategy;

describe('FedAvgM', () => {
  it('accumulates server momentum: v ← βv + Δ; x ← x + η·v (3 rounds by hand)', () => {
    const s = createFedAvgM(cfg({ serverMomentum: 0.5, serverLr: 2 }));
    // r1: v = 1            x = 0 + 2·1 = 2
    let x = s.step(f32(0), f32(1), 1);
    expect(x[0]).toBe(2);
    // r2: v = 0.5·1 + 1 = 1.5    x = 2 + 2·1.5 = 5
    x = s.step(x, f32(1), 2);
    expect(x[0]).toBe(5);
    // r3: v = 0.5·1.5 − 2 = −1.25    x = 5 + 2·(−1.25) = 2.5
    x = s.step(x, f32(-2), 3);
    expect(x[0]).toBe(2.5);
  });

  it('defaults to η = 1 and β = 0, i.e. FedAvg', () => {
    const s = createFedAvgM(cfg({}));
    const x = s.step(f32(1, 1), f32(0.5, -0.25), 1);
    expect(Array.from(s.step(x, f32(0.5, 0.25), 2))).toEqual([2, 1]);
  });

  it('keeps separate state per instance', () => {
    const c = cfg({ serverMomentum: 0.9 });
    const a = createFedAvgM(c);
    a.step(f32(0), f32(10), 1);
    const fresh = createFedAvgM(c);
    expect(fresh.step(f32(0), f32(1), 1)[0]).toBe(1);
  });
});
