// Test helpers: tiny datasets and a float64 reference for logistic regression, computed by hand from the formulas.
import type { Dataset } from '../data/types';

export function tinyDataset(rows: number[][], labels: number[], numClasses: number): Dataset {
  return {
    name: 'blobs',
    x: Float32Array.from(rows.flat()),
    y: Int32Array.from(labels),
    numExamples: labels.length,
    inputShape: [rows[0].length],
    featureSize: rows[0].length,
    numClasses,
  };
}

/** Logistic regression parameters in FedStudio's flat layout: W [classes × features] row-major, then b. */
export interface Logreg {
  w: number[][];
  b: number[];
}

export function flatten({ w, b }: Logreg): Float32Array {
  return Float32Array.from([...w.flat(), ...b]);
}

/** ∂/∂θ of the mean cross-entropy over the rows, and that mean loss. */
export function logregGradient({ w, b }: Logreg, rows: number[][], labels: number[]): Logreg & { loss: number } {
  const gw = w.map((row) => row.map(() => 0));
  const gb = b.map(() => 0);
  let loss = 0;
  rows.forEach((x, n) => {
    const z = w.map((row, c) => row.reduce((s, wi, i) => s + wi * x[i], b[c]));
    const max = Math.max(...z);
    const e = z.map((v) => Math.exp(v - max));
    const sum = e.reduce((s, v) => s + v, 0);
    loss += Math.log(sum) - (z[labels[n]] - max);
    e.forEach((ec, c) => {
      const dz = (ec / sum - (c === labels[n] ? 1 : 0)) / rows.length;
      gb[c] += dz;
      x.forEach((xi, i) => (gw[c][i] += dz * xi));
    });
  });
  return { w: gw, b: gb, loss: loss / rows.length };
}

/** θ + scale·d, elementwise. */
export function axpy(theta: Logreg, scale: number, d: Logreg): Logreg {
  return {
    w: theta.w.map((row, c) => row.map((v, i) => v + scale * d.w[c][i])),
    b: theta.b.map((v, c) => v + scale * d.b[c]),
  };
}

/** Applies f to every parameter pair. */
export function zip(a: Logreg, b: Logreg, f: (x: number, y: number) => number): Logreg {
  return { w: a.w.map((row, c) => row.map((v, i) => f(v, b.w[c][i]))), b: a.b.map((v, c) => f(v, b.b[c])) };
}
