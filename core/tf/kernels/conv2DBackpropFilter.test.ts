import { beforeAll, describe, expect, it } from 'vitest';
import { getKernel } from '@tensorflow/tfjs-core';
import { Rng } from '../../rng';
import type { KernelRunner } from '../kernelRunner';
import { randomTensor, relativeError, runOnBoth, wasmAndCpu } from './testing';

let runners: { wasm: KernelRunner; cpu: KernelRunner };
beforeAll(async () => {
  runners = await wasmAndCpu();
});

describe('Conv2DBackpropFilter on wasm', () => {
  it('is registered (tfjs-wasm has none)', () => {
    expect(getKernel('Conv2DBackpropFilter', 'wasm')).toBeDefined();
  });

  const cases: [string, number[], [number, number, number, number], number, 'same' | 'valid'][] = [
    ['CNN conv1', [4, 28, 28, 1], [5, 5, 1, 8], 1, 'same'],
    ['CNN conv2', [4, 14, 14, 8], [5, 5, 8, 16], 1, 'same'],
    ['odd sizes, non-square filter', [3, 9, 7, 2], [5, 3, 2, 3], 1, 'same'],
    ['valid padding', [2, 10, 11, 3], [3, 2, 3, 4], 1, 'valid'],
    ['stride 2, same', [2, 9, 7, 3], [3, 3, 3, 4], 2, 'same'],
    ['stride 2, valid, windows not tiling the input', [2, 10, 11, 3], [3, 2, 3, 2], 2, 'valid'],
  ];
  it.each(cases)('matches the cpu backend: %s', (_name, xShape, filterShape, stride, pad) => {
    const rng = new Rng(11, xShape.join('x'));
    const outH = pad === 'same' ? Math.ceil(xShape[1] / stride) : Math.ceil((xShape[1] - filterShape[0] + 1) / stride);
    const outW = pad === 'same' ? Math.ceil(xShape[2] / stride) : Math.ceil((xShape[2] - filterShape[1] + 1) / stride);
    const { wasm, cpu } = runOnBoth(
      runners,
      'Conv2DBackpropFilter',
      { x: randomTensor(xShape, rng), dy: randomTensor([xShape[0], outH, outW, filterShape[3]], rng) },
      { strides: stride, pad, dataFormat: 'NHWC', filterShape },
    );
    expect(wasm.shape).toEqual(filterShape);
    expect(cpu.shape).toEqual(filterShape);
    expect(relativeError(wasm.values, cpu.values)).toBeLessThan(1e-4);
  });

  it('frees every temporary', () => {
    const before = runners.wasm.liveBuffers();
    const rng = new Rng(3);
    runOnBoth(
      runners,
      'Conv2DBackpropFilter',
      { x: randomTensor([2, 6, 6, 4], rng), dy: randomTensor([2, 6, 6, 4], rng) },
      { strides: 1, pad: 'same', dataFormat: 'NHWC', filterShape: [3, 3, 4, 4] },
    );
    expect(runners.wasm.liveBuffers()).toBe(before);
  });
});
