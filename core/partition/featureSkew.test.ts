import { describe, expect, it } from 'vitest';
import { parseConfig, type ExperimentConfigInput } from '../config/schema';
import type { Dataset } from '../data/types';
import { featureSkewParams, featureTransformFor } from './featureSkew';

type PartitionInput = NonNullable<ExperimentConfigInput['partition']>;
const config = (partition: PartitionInput, seed = 42) => parseConfig({ seed, partition });

const image: Dataset = {
  name: 'mnist',
  x: new Float32Array(0),
  y: new Int32Array(0),
  numExamples: 0,
  inputShape: [28, 28, 1],
  featureSize: 784,
  numClasses: 10,
};
const points: Dataset = { ...image, name: 'moons', inputShape: [2], featureSize: 2, numClasses: 2 };

/** A 28×28 image with a 4×4 bright square in the middle. */
function squareImage(): Float32Array {
  const x = new Float32Array(784);
  for (let r = 12; r < 16; r++) for (let c = 12; c < 16; c++) x[r * 28 + c] = 1;
  return x;
}

function centreOfMass(x: Float32Array): [number, number] {
  let mass = 0;
  let sr = 0;
  let sc = 0;
  for (let p = 0; p < 784; p++) {
    mass += x[p];
    sr += x[p] * Math.floor(p / 28);
    sc += x[p] * (p % 28);
  }
  return [sc / mass, sr / mass];
}

const CLIENTS = Array.from({ length: 200 }, (_, k) => k);

describe('featureTransformFor', () => {
  it('is off for "none" and for strength 0', () => {
    expect(featureTransformFor(config({ featureSkew: 'none' }), image, 0)).toBeUndefined();
    expect(featureTransformFor(config({ featureSkew: 'rotation', featureSkewStrength: 0 }), points, 0)).toBeUndefined();
    expect(featureSkewParams(config({ featureSkew: 'noise', featureSkewStrength: 0 }), image, 0)).toBeUndefined();
  });

  it.each([
    ['image', image, 45, 4],
    ['points', points, 60, 0.5],
  ] as const)('draws %s rotations and shifts within limit × strength, spread out', (_kind, data, deg, shift) => {
    const rotation = config({ featureSkew: 'rotation', featureSkewStrength: 0.5 });
    const degrees = CLIENTS.map((k) => {
      const p = featureSkewParams(rotation, data, k);
      return p?.kind === 'rotation' ? p.degrees : NaN;
    });
    expect(Math.max(...degrees.map(Math.abs))).toBeLessThanOrEqual(deg * 0.5);
    expect(Math.min(...degrees)).toBeLessThan(-0.4 * deg * 0.5);
    expect(Math.max(...degrees)).toBeGreaterThan(0.4 * deg * 0.5);
    for (const k of CLIENTS) {
      const p = featureSkewParams(config({ featureSkew: 'shift', featureSkewStrength: 0.8 }), data, k);
      if (p?.kind !== 'shift') throw new Error('expected a shift');
      expect(Math.abs(p.dx)).toBeLessThanOrEqual(shift * 0.8);
      expect(Math.abs(p.dy)).toBeLessThanOrEqual(shift * 0.8);
    }
  });

  it('is the same transform for the same client and seed, different for another client or seed', () => {
    const cfg = config({ featureSkew: 'rotation', featureSkewStrength: 1 });
    expect(featureSkewParams(cfg, image, 3)).toEqual(featureSkewParams(cfg, image, 3));
    expect(featureSkewParams(cfg, image, 3)).not.toEqual(featureSkewParams(cfg, image, 4));
    expect(featureSkewParams(config({ featureSkew: 'rotation', featureSkewStrength: 1 }, 7), image, 3)).not.toEqual(
      featureSkewParams(cfg, image, 3),
    );
    const a = squareImage();
    const b = squareImage();
    featureTransformFor(cfg, image, 3)!(a, 1);
    featureTransformFor(cfg, image, 3)!(b, 1);
    expect(a).toEqual(b);
    expect(a).not.toEqual(squareImage());
  });

  it('rotates and shifts 2-D points by the drawn parameters', () => {
    const rot = config({ featureSkew: 'rotation', featureSkewStrength: 1 });
    const p = featureSkewParams(rot, points, 5);
    if (p?.kind !== 'rotation') throw new Error('expected a rotation');
    const x = Float32Array.from([1, 0, 0, 2]);
    featureTransformFor(rot, points, 5)!(x, 2);
    const t = (p.degrees * Math.PI) / 180;
    [Math.cos(t), Math.sin(t), -2 * Math.sin(t), 2 * Math.cos(t)].forEach((v, i) => expect(x[i]).toBeCloseTo(v, 5));

    const shift = config({ featureSkew: 'shift', featureSkewStrength: 1 });
    const s = featureSkewParams(shift, points, 5);
    if (s?.kind !== 'shift') throw new Error('expected a shift');
    const y = Float32Array.from([0.25, -1, 9, 9]);
    featureTransformFor(shift, points, 5)!(y, 1);
    expect(y[0]).toBeCloseTo(0.25 + s.dx, 6);
    expect(y[1]).toBeCloseTo(-1 + s.dy, 6);
    expect(Array.from(y.subarray(2))).toEqual([9, 9]); // beyond `count`: untouched
  });

  it('translates MNIST images by the drawn (dx, dy) pixels: the centre of mass moves by exactly that', () => {
    const cfg = config({ featureSkew: 'shift', featureSkewStrength: 1 });
    for (const k of [0, 1, 2]) {
      const p = featureSkewParams(cfg, image, k);
      if (p?.kind !== 'shift') throw new Error('expected a shift');
      const x = squareImage();
      featureTransformFor(cfg, image, k)!(x, 1);
      const [cx, cy] = centreOfMass(x);
      expect(cx).toBeCloseTo(13.5 + p.dx, 4);
      expect(cy).toBeCloseTo(13.5 + p.dy, 4);
    }
  });

  it('rotates MNIST images about the centre, keeping a centred square centred and its mass', () => {
    const cfg = config({ featureSkew: 'rotation', featureSkewStrength: 1 });
    const x = squareImage();
    featureTransformFor(cfg, image, 1)!(x, 1);
    const [cx, cy] = centreOfMass(x);
    expect(cx).toBeCloseTo(13.5, 3);
    expect(cy).toBeCloseTo(13.5, 3);
    expect(x.reduce((a, b) => a + b)).toBeGreaterThan(14); // bilinear resampling keeps mass ≈ 16
  });

  it('adds pixel noise with the client’s level, kept in [0, 1] for images', () => {
    const cfg = config({ featureSkew: 'noise', featureSkewStrength: 1 });
    const p = featureSkewParams(cfg, image, 2);
    if (p?.kind !== 'noise') throw new Error('expected noise');
    expect(p.std).toBeGreaterThan(0);
    expect(p.std).toBeLessThanOrEqual(0.5);
    // 50 distinct images, every pixel at 0.5 but one marker pixel that makes each image different.
    const x = new Float32Array(784 * 50).fill(0.5);
    for (let row = 0; row < 50; row++) x[row * 784] = row / 50;
    featureTransformFor(cfg, image, 2)!(x, 50);
    let sum = 0;
    for (let i = 0; i < x.length; i++) {
      expect(x[i] >= 0 && x[i] <= 1).toBe(true);
      if (i % 784 !== 0) sum += x[i];
    }
    expect(sum / (49 * 783 + 783)).toBeCloseTo(0.5, 2); // symmetric noise, symmetric clipping around 0.5
    expect(x.some((v) => v !== 0.5)).toBe(true);
  });

  it('adds unclipped Gaussian noise to 2-D points with the drawn std', () => {
    const cfg = config({ featureSkew: 'noise', featureSkewStrength: 1 });
    const p = featureSkewParams(cfg, points, 0);
    if (p?.kind !== 'noise') throw new Error('expected noise');
    const clean = new Float32Array(2 * 20_000);
    for (let i = 0; i < 20_000; i++) clean[2 * i] = i / 20_000;
    const x = clean.slice();
    featureTransformFor(cfg, points, 0)!(x, 20_000);
    let sq = 0;
    for (let i = 0; i < x.length; i++) sq += (x[i] - clean[i]) ** 2;
    const sd = Math.sqrt(sq / x.length);
    expect(sd / p.std).toBeGreaterThan(0.97);
    expect(sd / p.std).toBeLessThan(1.03);
  });

  it('gives an example the same noise whichever transform instance sees it, in any order', () => {
    // Two workers each build their own transform for client 3; each sees the client's examples in another order.
    const cfg = config({ featureSkew: 'noise', featureSkewStrength: 1 });
    const a = new Float32Array([0.1, 0.2, 0.3, 0.4]);
    const b = new Float32Array([0.3, 0.4, 0.1, 0.2]);
    featureTransformFor(cfg, points, 3)!(a, 2);
    const onWorker2 = featureTransformFor(cfg, points, 3)!;
    onWorker2(new Float32Array([0.9, 0.9]), 1); // an earlier call must not shift later noise
    onWorker2(b, 2);
    expect(Array.from(b)).toEqual([a[2], a[3], a[0], a[1]]);
    const other = new Float32Array([0.1, 0.2]);
    featureTransformFor(cfg, points, 4)!(other, 1);
    expect(Array.from(other)).not.toEqual([a[0], a[1]]); // another client, other noise
  });

  it('rejects an input shape it cannot transform', () => {
    const odd: Dataset = { ...image, inputShape: [28, 28, 3], featureSize: 2352 };
    expect(() => featureTransformFor(config({ featureSkew: 'rotation' }), odd, 0)).toThrow(/input shape \[28, 28, 3\]/);
  });
});
