import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../rng';
import type { KernelRunner } from '../kernelRunner';
import { randomTensor, wasmAndCpu } from './testing';

let runners: { wasm: KernelRunner; cpu: KernelRunner };
beforeAll(async () => {
  runners = await wasmAndCpu();
});

/** Pools `x` on the runner's backend, then back-propagates `dy` through the pooling. */
function poolGrad(runner: KernelRunner, x: Float32Array, shape: number[], attrs: { filterSize: number; strides: number; pad: 'same' | 'valid' }) {
  const input = runner.upload(x, shape);
  const output = runner.run('MaxPool', { x: input }, attrs);
  const dyValues = new Float32Array(output.shape.reduce((a, b) => a * b, 1)).map((_, i) => 1 + (i % 7));
  const dy = runner.upload(dyValues, output.shape);
  const dx = runner.run('MaxPoolGrad', { dy, input, output }, attrs);
  const values = runner.read(dx);
  for (const t of [input, output, dy, dx]) runner.free(t);
  return values;
}

describe('MaxPoolGrad on wasm', () => {
  // Normal inputs include windows whose maximum is negative (stock tfjs-wasm 4.22 drops their gradient); the
  // post-ReLU style zeros make ties, where the gradient must go to the first maximum only, as on cpu.
  const cases: [string, number[], number, number, 'same' | 'valid'][] = [
    ['CNN pool1 (2×2, stride 2)', [4, 28, 28, 8], 2, 2, 'valid'],
    ['odd input, window cut at the border', [3, 9, 7, 8], 2, 2, 'valid'],
    ['3×3 stride 2 same padding', [3, 9, 7, 12], 3, 2, 'same'],
    ['overlapping windows (stride 1)', [2, 8, 8, 4], 3, 1, 'same'],
    ['channels not a multiple of 4 (JS loop)', [2, 7, 6, 3], 3, 2, 'same'],
  ];
  it.each(cases)('matches the cpu backend exactly: %s', (_name, shape, filterSize, strides, pad) => {
    const x = randomTensor(shape, new Rng(13, shape.join('x'))).values as Float32Array;
    for (let i = 0; i < x.length; i += 3) x[i] = 0;
    const attrs = { filterSize, strides, pad };
    const wasm = poolGrad(runners.wasm, x, shape, attrs);
    const cpu = poolGrad(runners.cpu, x, shape, attrs);
    let maxDiff = 0;
    for (let i = 0; i < cpu.length; i++) maxDiff = Math.max(maxDiff, Math.abs(wasm[i] - cpu[i]));
    expect(maxDiff).toBeLessThan(1e-5);
  });

  it('routes a tied window to its first maximum', () => {
    // One 2×2 window, one channel group of 4: all four taps equal.
    const x = new Float32Array(16).fill(0.5);
    const dx = poolGrad(runners.wasm, x, [1, 2, 2, 4], { filterSize: 2, strides: 2, pad: 'valid' });
    expect(Array.from(dx)).toEqual([1, 2, 3, 4, ...new Array(12).fill(0)]);
  });
});
