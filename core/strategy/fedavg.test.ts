import { describe, expect, it } from 'vitest';
import { createFedAvg } from './fedavg';
import { createFedProx } from './fedprox';

const f32 = (...v: number[]) => Float32Array.from(v);

describe('FedAvg / FedProx server step', () => {
  it('adds the aggregated update to the global model and leaves the inputs untouched', () => {
    for (const strategy of [createFedAvg(), createFedProx()]) {
      const x = f32(1, -2, 0.5);
      const d = f32(0.25, 1, -0.5);
      expect(Array.from(strategy.step(x, d, 1))).toEqual([1.25, -1, 0]);
      expect(Array.from(x)).toEqual([1, -2, 0.5]);
      expect(Array.from(d)).toEqual([0.25, 1, -0.5]);
    }
  });

  it('is stateless across rounds', () => {
    const s = createFedAvg();
    const x1 = s.step(f32(0, 0), f32(1, 2), 1);
    const x2 = s.step(x1, f32(-1, 0), 2);
    expect(Array.from(x2)).toEqual([0, 2]);
  });

  it('rejects an update of the wrong size', () => {
    expect(() => createFedAvg().step(f32(0, 0), f32(1), 1)).toThrow('aggregated update has 1 parameters but the global model has 2');
  });
});
