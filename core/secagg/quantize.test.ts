import { describe, expect, it } from 'vitest';
import { Rng, rngFor } from '../rng';
import { clip, dequantizeSum, MAX_SUMMANDS, QUANTIZATION_RANGE, quantize, RING_MODULUS } from './quantize';
import { addInto } from './ring';

describe('quantize / dequantizeSum (Flower SecAggPlusWorkflow defaults)', () => {
  it('exports the ring constants', () => {
    expect(QUANTIZATION_RANGE).toBe(4194304);
    expect(RING_MODULUS).toBe(4294967296);
    expect(MAX_SUMMANDS).toBe(1023);
  });

  it('maps −r to 0 and r to 2^22, clipping beyond r', () => {
    const q = quantize(Float32Array.from([-8, 8, -100, 100, 0, -Infinity, Infinity]), 8, new Rng(1, 'q'));
    expect(Array.from(q)).toEqual([0, 2 ** 22, 0, 2 ** 22, 2 ** 21, 0, 2 ** 22]);
    expect(clip(-9, 8)).toBe(-8);
  });

  it('rounds stochastically and without bias', () => {
    const r = 1;
    const step = (2 * r) / QUANTIZATION_RANGE;
    const x = -r + 0.25 * step; // a quarter of the way between two grid points
    const q = quantize(new Float32Array(40_000).fill(x), r, new Rng(3, 'q'));
    const ups = q.reduce((n, v) => n + v, 0);
    expect(new Set(q)).toEqual(new Set([0, 1]));
    expect(ups / q.length).toBeCloseTo(0.25, 1);
  });

  it('dequantizes a sum of m inputs within m·(2r/2^22) of the true float sum', () => {
    const r = 8;
    const m = 12;
    const d = 1000;
    const step = (2 * r) / QUANTIZATION_RANGE;
    const xs = Array.from({ length: m }, (_, u) => {
      const rng = new Rng(5, 'x', 0, u);
      return Float32Array.from({ length: d }, () => rng.uniform(-r, r));
    });
    const sum = new Uint32Array(d);
    xs.forEach((x, u) => addInto(sum, quantize(x, r, rngFor(5, 'secagg-quantize', 0, u))));
    const out = dequantizeSum(sum, m, r);
    for (let i = 0; i < d; i++) {
      const exact = xs.reduce((s, x) => s + x[i], 0);
      expect(Math.abs(out[i] - exact)).toBeLessThanOrEqual(m * step + Math.abs(exact) * 2 ** -23);
    }
  });
});
