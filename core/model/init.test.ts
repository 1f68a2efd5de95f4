import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { initParams } from './init';
import { paramLayout } from './layout';
import type { ModelSpec } from './types';

const cnn: ModelSpec = { kind: 'cnn', inputShape: [28, 28, 1], numClasses: 10, hidden: [] };

describe('initParams', () => {
  it('draws Glorot-uniform weights within ±√(6/(fan_in+fan_out)) and zero biases', () => {
    const params = initParams(cnn, new Rng(1, 'init'));
    const layout = paramLayout(cnn);
    // conv1: fan_in 5·5·1, fan_out 5·5·8; conv2: 5·5·8 and 5·5·16; dense: 784 and 10.
    const limits = [Math.sqrt(6 / (25 + 200)), Math.sqrt(6 / (200 + 400)), Math.sqrt(6 / (784 + 10))];
    [0, 2, 4].forEach((entry, k) => {
      const { offset, size } = layout.entries[entry];
      const w = params.subarray(offset, offset + size);
      const max = w.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
      expect(max).toBeLessThanOrEqual(limits[k]);
      // Uniform on (−l, l): the largest of thousands of draws comes close to l, and the variance is l²/3.
      expect(max).toBeGreaterThan(0.9 * limits[k]);
      const variance = w.reduce((s, v) => s + v * v, 0) / size;
      expect(variance).toBeGreaterThan(0.8 * (limits[k] ** 2 / 3));
      expect(variance).toBeLessThan(1.2 * (limits[k] ** 2 / 3));
    });
    for (const entry of [1, 3, 5]) {
      const { offset, size } = layout.entries[entry];
      expect(params.subarray(offset, offset + size).every((v) => v === 0)).toBe(true);
    }
  });

  it('is a function of the rng stream', () => {
    expect(initParams(cnn, new Rng(7, 'init'))).toEqual(initParams(cnn, new Rng(7, 'init')));
    expect(initParams(cnn, new Rng(7, 'init'))).not.toEqual(initParams(cnn, new Rng(8, 'init')));
  });
});
