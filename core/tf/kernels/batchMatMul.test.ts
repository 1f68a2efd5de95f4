import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../rng';
import type { KernelRunner } from '../kernelRunner';
import { randomTensor, relativeError, runOnBoth, wasmAndCpu } from './testing';

let runners: { wasm: KernelRunner; cpu: KernelRunner };
beforeAll(async () => {
  runners = await wasmAndCpu();
});

// [aShape, bShape, transposeA, transposeB]: every transpose combination, odd sizes, both orientations of the plan.
const cases: [number[], number[], boolean, boolean][] = [
  [[7, 5], [7, 3], true, false],
  [[1, 7, 5], [1, 3, 5], false, true],
  [[5, 7], [3, 5], true, true],
  [[32, 784], [128, 784], false, true], // dense forward: flipped
  [[32, 128], [32, 784], true, false], // dense weight gradient: plain
  [[32, 10], [10, 128], false, false], // untransposed: stock path
  [[2, 3, 4], [2, 4, 5], false, false], // batch > 1: stock path
];

describe('BatchMatMul on wasm', () => {
  it.each(cases)('matches the cpu backend: a %j b %j tA=%s tB=%s', (aShape, bShape, transposeA, transposeB) => {
    const rng = new Rng(15, aShape.join('x'), bShape.join('x'));
    const { wasm, cpu } = runOnBoth(
      runners,
      'BatchMatMul',
      { a: randomTensor(aShape, rng), b: randomTensor(bShape, rng) },
      { transposeA, transposeB },
    );
    expect(wasm.shape).toEqual(cpu.shape);
    expect(relativeError(wasm.values, cpu.values)).toBeLessThan(1e-4);
  });
});

describe('_FusedMatMul on wasm', () => {
  // Stock tfjs-wasm 4.22 gets these wrong: its transposed path adds bias[N − 1] on every row but the first, once per
  // 48-wide block of the inner dimension.
  const fused: [number[], number[], boolean, boolean, string][] = [
    [[1, 32, 784], [1, 128, 784], false, true, 'relu'], // flipped: bias and ReLU as separate kernels
    [[1, 32, 784], [1, 10, 784], false, true, 'linear'], // plain: bias fused by XNNPACK
    [[1, 9, 5], [1, 9, 3], true, false, 'relu'],
    [[1, 6, 5], [1, 3, 6], true, true, 'sigmoid'],
  ];
  it.each(fused)('matches the cpu backend: a %j b %j tA=%s tB=%s %s', (aShape, bShape, transposeA, transposeB, activation) => {
    const rng = new Rng(16, aShape.join('x'), bShape.join('x'));
    const n = transposeB ? bShape[1] : bShape[2];
    const { wasm, cpu } = runOnBoth(
      runners,
      '_FusedMatMul',
      { a: randomTensor(aShape, rng), b: randomTensor(bShape, rng), bias: randomTensor([n], rng) },
      { transposeA, transposeB, activation },
    );
    expect(wasm.shape).toEqual(cpu.shape);
    expect(relativeError(wasm.values, cpu.values)).toBeLessThan(1e-4);
  });
});
