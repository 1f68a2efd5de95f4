import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/schema';
import { Rng } from '../rng';
import { UplinkCompressor, uplinkBytes } from './compressor';
import { qsgd } from './qsgd';
import { randomK } from './randomK';
import { topK } from './topK';

const sq = (v: ArrayLike<number>) => Array.from(v).reduce((s, x) => s + x * x, 0);
const diffSq = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((s, x, i) => s + (x - b[i]) ** 2, 0);
const randomVector = (d: number, seed: number) => {
  const rng = new Rng(seed, 'test');
  return Float32Array.from({ length: d }, () => rng.normal());
};
const compressionOf = (c: object) => parseConfig({ compression: c }).compression;

describe('top-k', () => {
  it('keeps the k largest magnitudes, ties to the lower index', () => {
    expect(Array.from(topK(Float32Array.of(0.1, -3, 2, -2, 0.5), 2))).toEqual([0, -3, 2, 0, 0]);
    expect(Array.from(topK(Float32Array.of(1, -1, 1, 1), 3))).toEqual([1, -1, 1, 0]);
    expect(Array.from(topK(Float32Array.of(1, 2), 5))).toEqual([1, 2]);
  });

  it('is contractive: ‖x − top_k(x)‖² ≤ (1 − k/d)‖x‖²', () => {
    for (const k of [1, 10, 100, 999]) {
      const x = randomVector(1_000, k);
      const kept = topK(x, k);
      expect(kept.filter((v) => v !== 0).length).toBe(k);
      expect(diffSq(x, kept)).toBeLessThanOrEqual((1 - k / 1_000) * sq(x) + 1e-9);
    }
  });
});

describe('random-k', () => {
  it('keeps exactly k coordinates, unchanged, and E‖x − rand_k(x)‖² = (1 − k/d)‖x‖²', () => {
    const d = 200;
    const k = 50;
    const x = randomVector(d, 7);
    let err = 0;
    const trials = 400;
    for (let t = 0; t < trials; t++) {
      const kept = randomK(x, k, new Rng(1, 'test', t));
      const nonZero = Array.from(kept.keys()).filter((i) => kept[i] !== 0);
      expect(nonZero.length).toBe(k);
      for (const i of nonZero) expect(kept[i]).toBe(x[i]);
      err += diffSq(x, kept);
    }
    expect(err / trials / sq(x)).toBeCloseTo(1 - k / d, 1);
  });
});

describe('QSGD', () => {
  it('puts every coordinate on the ‖v‖·l/s grid with v’s sign, between the two neighbouring levels', () => {
    const v = Float32Array.of(1, -2, 0, 2, 4);
    const norm = 5;
    const s = 3; // 2 bits
    const q = qsgd(v, 2, new Rng(3, 'test'));
    expect(q[2]).toBe(0);
    for (let i = 0; i < v.length; i++) {
      const level = (Math.abs(q[i]) / norm) * s;
      expect(Math.abs(level - Math.round(level))).toBeLessThan(1e-5);
      expect(Math.sign(q[i]) * Math.sign(v[i])).toBeGreaterThanOrEqual(0);
      expect(Math.abs(Math.abs(q[i]) - Math.abs(v[i]))).toBeLessThanOrEqual(norm / s + 1e-5);
    }
  });

  it('quantizes each bucket of 512 values against its own norm', () => {
    const v = new Float32Array(1_024);
    v.fill(0.001, 0, 512);
    v.fill(100, 512);
    const q = qsgd(v, 1, new Rng(4, 'test'));
    // One level (s = 1): each value becomes 0 or its bucket's norm; the small bucket keeps its own small scale.
    const smallNorm = Math.sqrt(512) * 0.001;
    for (let i = 0; i < 512; i++) expect(Math.min(q[i], Math.abs(q[i] - smallNorm))).toBeLessThan(1e-6);
    expect(Math.max(...q.subarray(0, 512))).toBeLessThan(1);
  });

  it('is unbiased, with variance ≤ min(d/s², √d/s)·‖v‖² (Alistarh et al. 2017, Lemma 3.1)', () => {
    const d = 64;
    const v = randomVector(d, 11);
    for (const bits of [1, 4]) {
      const s = 2 ** bits - 1;
      const mean = new Float64Array(d);
      let variance = 0;
      const trials = 4_000;
      for (let t = 0; t < trials; t++) {
        const q = qsgd(v, bits, new Rng(2, 'test', bits, t));
        for (let i = 0; i < d; i++) mean[i] += q[i] / trials;
        variance += diffSq(q, v) / trials;
      }
      expect(Math.sqrt(diffSq(mean, v) / sq(v))).toBeLessThan(0.05);
      expect(variance).toBeLessThanOrEqual(Math.min(d / s ** 2, Math.sqrt(d) / s) * sq(v));
    }
  });
});

describe('uplink compressor', () => {
  it('error feedback carries what was dropped into the next round', () => {
    const compressor = new UplinkCompressor(compressionOf({ sparsify: 'top-k', ratio: 0.5 }), 1);
    expect(Array.from(compressor.compress(1, 0, Float32Array.of(4, 1, -3, 0.5)))).toEqual([4, 0, -3, 0]);
    // Residual (0, 1, 0, 0.5) is added: (1, 2, 1, 0.5) → top-2 keeps index 1 and (tie at 1) index 0.
    expect(Array.from(compressor.compress(2, 0, Float32Array.of(1, 1, 1, 0)))).toEqual([1, 2, 0, 0]);
    // Another client has its own residual.
    expect(Array.from(compressor.compress(2, 1, Float32Array.of(1, 1, 1, 0)))).toEqual([1, 1, 0, 0]);
  });

  it('without error feedback compresses each update alone, seeded per (round, client)', () => {
    const config = compressionOf({ sparsify: 'random-k', ratio: 0.1, errorFeedback: false, quantizeBits: 3 });
    const x = randomVector(100, 5);
    const a = new UplinkCompressor(config, 9).compress(4, 2, x);
    expect(Array.from(new UplinkCompressor(config, 9).compress(4, 2, x))).toEqual(Array.from(a));
    expect(a.filter((v) => v !== 0).length).toBeLessThanOrEqual(10);
  });

  it('counts the bytes on the wire', () => {
    const d = 1_000;
    expect(uplinkBytes(compressionOf({}), d)).toBe(4_000);
    expect(uplinkBytes(compressionOf({ sparsify: 'top-k', ratio: 0.01 }), d)).toBe(10 * 4 + 10 * 4);
    expect(uplinkBytes(compressionOf({ sparsify: 'random-k', ratio: 0.01 }), d)).toBe(10 * 4 + 4);
    expect(uplinkBytes(compressionOf({ quantizeBits: 3 }), d)).toBe(500 + 2 * 4); // 4 bits a value + 2 bucket norms
    expect(uplinkBytes(compressionOf({ sparsify: 'top-k', ratio: 0.1, quantizeBits: 1 }), d)).toBe(25 + 4 + 400);
  });
});
