import { describe, expect, it } from 'vitest';
import { TWO_D_DATASETS } from '../config/schema';
import { Rng } from '../rng';
import { TWO_D_BOX } from './points';
import { TWO_D_GENERATORS } from './twoD';

const classCounts = (y: Int32Array, k: number) => {
  const counts = new Array(k).fill(0);
  for (const label of y) counts[label]++;
  return counts;
};

describe('2-D teaching sets', () => {
  it('has a generator for every 2-D dataset name in the config schema', () => {
    expect(Object.keys(TWO_D_GENERATORS).sort()).toEqual([...TWO_D_DATASETS].sort());
  });

  it.each([
    ['blobs', 5, 5],
    ['spiral', 4, 4],
    ['moons', 5, 2],
    ['circles', 3, 2],
    ['xor', 7, 2],
  ] as const)('%s with numClasses %i gives the requested size and %i balanced classes', (name, asked, expected) => {
    const data = TWO_D_GENERATORS[name](301, 0.1, asked, new Rng(1));
    expect(data.name).toBe(name);
    expect(data.numExamples).toBe(301);
    expect(data.x.length).toBe(602);
    expect(data.inputShape).toEqual([2]);
    expect(data.featureSize).toBe(2);
    expect(data.numClasses).toBe(expected);
    const counts = classCounts(data.y, expected);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it.each(Object.keys(TWO_D_GENERATORS) as (keyof typeof TWO_D_GENERATORS)[])(
    '%s is deterministic for a seed, differs across seeds, and stays in the plot box without noise',
    (name) => {
      const gen = TWO_D_GENERATORS[name];
      const a = gen(500, 0.2, 3, new Rng(7, 'data'));
      const b = gen(500, 0.2, 3, new Rng(7, 'data'));
      const c = gen(500, 0.2, 3, new Rng(8, 'data'));
      expect(a.x).toEqual(b.x);
      expect(a.y).toEqual(b.y);
      expect(a.x).not.toEqual(c.x);
      const clean = gen(2000, 0, 3, new Rng(9));
      for (const v of clean.x) expect(Math.abs(v)).toBeLessThanOrEqual(TWO_D_BOX);
    },
  );

  it('noise is Gaussian with the requested std: circles points scatter around radius 1 and 0.5', () => {
    const data = TWO_D_GENERATORS.circles(20_000, 0.1, 2, new Rng(3));
    const radialError: number[] = [];
    for (let i = 0; i < data.numExamples; i++) {
      const r = Math.hypot(data.x[2 * i], data.x[2 * i + 1]);
      radialError.push(r - (data.y[i] === 0 ? 1 : 0.5));
    }
    const mean = radialError.reduce((s, e) => s + e, 0) / radialError.length;
    const sd = Math.sqrt(radialError.reduce((s, e) => s + (e - mean) ** 2, 0) / radialError.length);
    expect(sd).toBeGreaterThan(0.09);
    expect(sd).toBeLessThan(0.11);
  });

  it('labels follow the shape without noise: XOR by quadrant, circles by radius', () => {
    const xor = TWO_D_GENERATORS.xor(400, 0, 2, new Rng(4));
    for (let i = 0; i < 400; i++) expect(xor.y[i]).toBe(xor.x[2 * i] * xor.x[2 * i + 1] < 0 ? 1 : 0);
    const circles = TWO_D_GENERATORS.circles(400, 0, 2, new Rng(4));
    for (let i = 0; i < 400; i++) {
      expect(Math.hypot(circles.x[2 * i], circles.x[2 * i + 1])).toBeCloseTo(circles.y[i] === 0 ? 1 : 0.5, 5);
    }
  });

  it('rejects fewer points than classes', () => {
    expect(() => TWO_D_GENERATORS.blobs(3, 0.1, 5, new Rng(1))).toThrow(/data.numSamples.*one point per class \(5\)/);
  });
});
