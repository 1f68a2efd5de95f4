import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { clipAndAccumulate, clipFactor, clipRows, noisyScaledSum } from './dpSgd';

describe('DP-SGD arithmetic (Opacus semantics)', () => {
  it('clip factor is min(1, C / (‖g‖ + 1e-6))', () => {
    expect(clipFactor(5, 1)).toBe(1 / 5.000001);
    expect(clipFactor(0.5, 1)).toBe(1);
    expect(clipFactor(0, 1)).toBe(1);
    // At ‖g‖ = C the stabiliser still shrinks the gradient a little, as in Opacus.
    expect(clipFactor(2, 2)).toBe(2 / 2.000001);
  });

  it('clips each per-example gradient to norm ≤ C before summing', () => {
    const sum = new Float64Array(2);
    // ‖[3, 4]‖ = 5 → scaled by 1/(5 + 1e-6) to ≈ [0.6, 0.8].
    clipAndAccumulate(Float32Array.from([3, 4]), 1, sum);
    expect(sum[0]).toBe(3 / 5.000001);
    expect(sum[1]).toBe(4 / 5.000001);
    expect(Math.hypot(sum[0], sum[1])).toBeLessThanOrEqual(1);
    // ‖[0.3, −0.4]‖ = 0.5 < C: added unchanged.
    clipAndAccumulate(Float32Array.from([0.3, -0.4]), 1, sum);
    expect(sum[0]).toBeCloseTo(0.9, 6);
    expect(sum[1]).toBeCloseTo(0.4, 6);
  });

  it('keeps hand-picked vectors of every size within C', () => {
    const vectors = [[10], [-1e3, 1e3, 5], [1e-3, 2e-3], [0, 0, 0], [0.6, 0.8]].map((v) => Float32Array.from(v));
    for (const g of vectors) {
      const sum = new Float64Array(g.length);
      clipAndAccumulate(g, 0.7, sum);
      expect(Math.hypot(...sum)).toBeLessThanOrEqual(0.7);
    }
  });

  it('scales each row of dL/dlogits by its example’s clip factor', () => {
    const rows = Float32Array.from([3, 0, -4, 0.1, 0.2, 0.2]);
    // Squared gradient norms 100 and 0.01: row 0 scaled by 2/(10 + 1e-6), row 1 (norm 0.1 < 2) left alone.
    clipRows(rows, 3, Float64Array.from([100, 0.01]), 2);
    const f = 2 / 10.000001;
    expect(Array.from(rows)).toEqual(Array.from(Float32Array.from([3 * f, 0, -4 * f, 0.1, 0.2, 0.2])));
  });

  it('without noise, scales the sum', () => {
    const out = new Float32Array(3);
    noisyScaledSum(Float64Array.from([1, -2, 4]), 0, 0.25, new Rng(1), out);
    expect(Array.from(out)).toEqual([0.25, -0.5, 1]);
  });

  it('adds N(0, std²) per coordinate before scaling, reproducibly from the rng', () => {
    const d = 50_000;
    const out = new Float32Array(d);
    noisyScaledSum(new Float64Array(d).fill(3), 2, 0.5, new Rng(7, 'noise'), out);
    let mean = 0;
    for (const v of out) mean += v / d;
    let variance = 0;
    for (const v of out) variance += (v - mean) ** 2 / (d - 1);
    // out = 0.5·(3 + 2z): mean 1.5, std 1.
    expect(mean).toBeCloseTo(1.5, 1);
    expect(Math.sqrt(variance)).toBeGreaterThan(0.97);
    expect(Math.sqrt(variance)).toBeLessThan(1.03);
    const again = new Float32Array(d);
    noisyScaledSum(new Float64Array(d).fill(3), 2, 0.5, new Rng(7, 'noise'), again);
    expect(again).toEqual(out);
  });
});
