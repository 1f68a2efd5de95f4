import { describe, expect, it } from 'vitest';
import { createAggregator } from './registry';
import { weightedMean } from './mean';
import { defaultConfig } from '../config/schema';

const f32 = (...v: number[]) => Float32Array.from(v);

describe('weightedMean (FedAvg)', () => {
  it('weights each update by its number of examples', () => {
    const out = weightedMean([
      { clientId: 2, delta: f32(1, 2), weight: 1 },
      { clientId: 0, delta: f32(3, -1), weight: 3 },
    ]);
    // ((3·3 + 1·1)/4, (3·(−1) + 1·2)/4)
    expect(Array.from(out)).toEqual([2.5, -0.25]);
  });

  it('is bitwise independent of the order the updates arrive in', () => {
    const updates = [0.1, 0.7, 0.3, 0.9].map((x, i) => ({ clientId: i, delta: f32(x, x / 3, -x * 7), weight: i + 1 }));
    const a = weightedMean(updates);
    const b = weightedMean([updates[2], updates[0], updates[3], updates[1]]);
    expect(Array.from(b)).toEqual(Array.from(a));
  });

  it('accumulates in Float64 (a Float32 running sum would lose the 1)', () => {
    const out = weightedMean([
      { clientId: 0, delta: f32(1e8), weight: 1 },
      { clientId: 1, delta: f32(1), weight: 1 },
      { clientId: 2, delta: f32(-1e8), weight: 1 },
    ]);
    expect(out[0]).toBeCloseTo(1 / 3, 7);
  });

  it('rejects empty input, mismatched sizes and zero total weight with clear messages', () => {
    expect(() => weightedMean([])).toThrow('empty');
    expect(() =>
      weightedMean([
        { clientId: 0, delta: f32(1, 2), weight: 1 },
        { clientId: 1, delta: f32(1), weight: 1 },
      ]),
    ).toThrow('client 1 sent an update of size 1, expected 2');
    expect(() => weightedMean([{ clientId: 0, delta: f32(1), weight: 0 }])).toThrow('total weight');
  });

  it('is what the registry builds for aggregator "mean"', () => {
    const agg = createAggregator(defaultConfig().aggregator, { seed: 42 });
    expect(agg.name).toBe('mean');
    const out = agg.aggregate([{ clientId: 0, delta: f32(4), weight: 2 }], { round: 1, global: f32(0) });
    expect(Array.from(out)).toEqual([4]);
  });
});
