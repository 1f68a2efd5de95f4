import { describe, expect, it } from 'vitest';
import { Rng, rngFor } from './rng';

const draw = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.float());

function correlation(a: number[], b: number[]): number {
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const ma = mean(a);
  const mb = mean(b);
  let cov = 0;
  let va = 0;
  let vb = 0;
  for (let i = 0; i < a.length; i++) {
    cov += (a[i] - ma) * (b[i] - mb);
    va += (a[i] - ma) ** 2;
    vb += (b[i] - mb) ** 2;
  }
  return cov / Math.sqrt(va * vb);
}

function meanVar(values: number[]): [number, number] {
  const mean = values.reduce((s, x) => s + x, 0) / values.length;
  const variance = values.reduce((s, x) => s + (x - mean) ** 2, 0) / (values.length - 1);
  return [mean, variance];
}

describe('rngFor streams', () => {
  it('reproduces the same stream for the same key', () => {
    expect(draw(rngFor(42, 'partition', 3, 7), 100)).toEqual(draw(rngFor(42, 'partition', 3, 7), 100));
  });

  it.each([
    ['seed', rngFor(43, 'sampling', 1, 2)],
    ['purpose', rngFor(42, 'dropout', 1, 2)],
    ['round', rngFor(42, 'sampling', 2, 2)],
    ['client', rngFor(42, 'sampling', 1, 3)],
  ])('a different %s gives a different, uncorrelated stream', (_what, other) => {
    const base = draw(rngFor(42, 'sampling', 1, 2), 10_000);
    const alt = draw(other, 10_000);
    expect(alt).not.toEqual(base);
    // Independent streams: |r| ~ 1/√n = 0.01, so 0.05 is a 5σ bound.
    expect(Math.abs(correlation(base, alt))).toBeLessThan(0.05);
    // Lag-1 correlation inside one stream is also ~0.
    expect(Math.abs(correlation(alt.slice(1), alt.slice(0, -1)))).toBeLessThan(0.05);
  });

  it('tells neighbouring clients and rounds apart (no shared prefix)', () => {
    const firsts = new Set<number>();
    for (let round = 0; round < 20; round++) {
      for (let client = 0; client < 50; client++) firsts.add(rngFor(1, 'shuffle', round, client).nextUint32());
    }
    expect(firsts.size).toBe(1000);
  });

  it('takes only the listed purposes: a misspelt one would silently open another stream, so it does not compile', () => {
    // @ts-expect-error 'smapling' is not an RngPurpose (tsc fails if it ever becomes accepted)
    expect(draw(rngFor(42, 'smapling'), 10)).not.toEqual(draw(rngFor(42, 'sampling'), 10));
  });
});

describe('Rng distributions', () => {
  it('float is in [0, 1) with mean 1/2 and variance 1/12', () => {
    const values = draw(new Rng(1), 100_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const [mean, variance] = meanVar(values);
    expect(mean).toBeCloseTo(0.5, 2);
    expect(variance).toBeCloseTo(1 / 12, 2);
  });

  it('int(n) covers [0, n) uniformly', () => {
    const rng = new Rng(2);
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[rng.int(6)]++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500); // sd ≈ 91
    expect(() => rng.int(0)).toThrow(/n ≥ 1/);
  });

  it('normal has mean 0 and variance 1', () => {
    const rng = new Rng(3);
    const [mean, variance] = meanVar(Array.from({ length: 100_000 }, () => rng.normal()));
    expect(Math.abs(mean)).toBeLessThan(0.015); // sd of the mean ≈ 0.003
    expect(Math.abs(variance - 1)).toBeLessThan(0.03); // sd ≈ 0.0045
  });

  it.each([0.1, 0.5, 1, 2.5, 10])('gamma(%s) has mean = shape and variance = shape', (shape) => {
    const rng = new Rng(4, shape);
    const values = Array.from({ length: 50_000 }, () => rng.gamma(shape));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    const [mean, variance] = meanVar(values);
    expect(Math.abs(mean - shape) / shape).toBeLessThan(0.03);
    expect(Math.abs(variance - shape) / shape).toBeLessThan(0.1);
  });

  it('dirichlet sums to 1 with mean 1/k per component', () => {
    const rng = new Rng(5);
    const k = 4;
    const mean = new Array(k).fill(0);
    for (let i = 0; i < 20_000; i++) {
      const p = rng.dirichlet(0.5, k);
      expect(p.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
      p.forEach((x, j) => (mean[j] += x / 20_000));
    }
    for (const m of mean) expect(m).toBeCloseTo(1 / k, 2);
  });

  it('dirichlet with a tiny alpha still sums to 1 (all mass on one component)', () => {
    const p = new Rng(6).dirichlet(0.001, 10);
    expect(p.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    expect(Math.max(...p)).toBeGreaterThan(0.99);
  });

  it('shuffle returns a permutation and moves every element around', () => {
    const rng = new Rng(7);
    const arr = Int32Array.from({ length: 1000 }, (_, i) => i);
    rng.shuffle(arr);
    expect([...arr].sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(arr.filter((v, i) => v === i).length).toBeLessThan(10); // ~1 fixed point expected
    // Each of 3! orders appears about equally often.
    const orders = new Map<string, number>();
    for (let i = 0; i < 6000; i++) {
      const key = rng.shuffle([0, 1, 2]).join('');
      orders.set(key, (orders.get(key) ?? 0) + 1);
    }
    expect(orders.size).toBe(6);
    for (const count of orders.values()) expect(Math.abs(count - 1000)).toBeLessThan(150);
  });

  it('sampleWithoutReplacement gives k distinct values in [0, n)', () => {
    const rng = new Rng(8);
    const sample = rng.sampleWithoutReplacement(50, 20);
    expect(sample).toHaveLength(20);
    expect(new Set(sample).size).toBe(20);
    for (const v of sample) expect(v >= 0 && v < 50).toBe(true);
    expect(new Set(rng.sampleWithoutReplacement(5, 5))).toEqual(new Set([0, 1, 2, 3, 4]));
    expect(() => rng.sampleWithoutReplacement(3, 4)).toThrow(/cannot sample 4 of 3/);
  });
});
