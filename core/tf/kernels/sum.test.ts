import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../rng';
import type { KernelRunner } from '../kernelRunner';
import { randomTensor, relativeError, runOnBoth, wasmAndCpu } from './testing';

let runners: { wasm: KernelRunner; cpu: KernelRunner };
beforeAll(async () => {
  runners = await wasmAndCpu();
});

describe('Sum on wasm', () => {
  const cases: [string, number[], number[], boolean][] = [
    ['bias gradient of a conv layer', [32, 28, 28, 8], [0, 1, 2], false],
    ['dense bias gradient, keepDims', [30, 12], [0], true],
    ['last axis not a multiple of 4 (stock)', [5, 7, 3], [0, 1], false],
    ['inner axis (stock)', [6, 8], [1], false],
  ];
  it.each(cases)('matches the cpu backend: %s', (_name, shape, axis, keepDims) => {
    const { wasm, cpu } = runOnBoth(runners, 'Sum', { x: randomTensor(shape, new Rng(14, shape.join('x'))) }, { axis, keepDims });
    expect(wasm.shape).toEqual(cpu.shape);
    expect(relativeError(wasm.values, cpu.values)).toBeLessThan(1e-4);
  });

  it('sums a small hand-checked matrix', () => {
    const x = { values: Float32Array.from({ length: 12 }, (_, i) => i), shape: [3, 4] };
    const { wasm } = runOnBoth(runners, 'Sum', { x }, { axis: [0], keepDims: false });
    expect(Array.from(wasm.values)).toEqual([12, 15, 18, 21]);
  });
});
