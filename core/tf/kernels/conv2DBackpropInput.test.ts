import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../rng';
import type { KernelRunner } from '../kernelRunner';
import { randomTensor, relativeError, runOnBoth, wasmAndCpu } from './testing';

let runners: { wasm: KernelRunner; cpu: KernelRunner };
beforeAll(async () => {
  runners = await wasmAndCpu();
});

describe('Conv2DBackpropInput on wasm', () => {
  // Stride 1 takes our XNNPACK path; stride 2 falls back to the stock kernel and must still agree.
  const cases: [string, number[], [number, number, number, number], number, 'same' | 'valid'][] = [
    ['CNN conv2', [4, 14, 14, 8], [5, 5, 8, 16], 1, 'same'],
    ['odd sizes, non-square filter', [3, 9, 7, 2], [5, 3, 2, 3], 1, 'same'],
    ['valid padding', [3, 9, 7, 2], [5, 3, 2, 4], 1, 'valid'],
    ['one channel in', [2, 11, 5, 1], [3, 3, 1, 5], 1, 'same'],
    ['stride 2 (stock fallback)', [2, 9, 7, 3], [3, 3, 3, 4], 2, 'same'],
  ];
  it.each(cases)('matches the cpu backend: %s', (_name, inputShape, filterShape, stride, pad) => {
    const rng = new Rng(12, inputShape.join('x'));
    const outH = pad === 'same' ? Math.ceil(inputShape[1] / stride) : Math.ceil((inputShape[1] - filterShape[0] + 1) / stride);
    const outW = pad === 'same' ? Math.ceil(inputShape[2] / stride) : Math.ceil((inputShape[2] - filterShape[1] + 1) / stride);
    const { wasm, cpu } = runOnBoth(
      runners,
      'Conv2DBackpropInput',
      { dy: randomTensor([inputShape[0], outH, outW, filterShape[3]], rng), filter: randomTensor(filterShape, rng) },
      { strides: stride, pad, dataFormat: 'NHWC', inputShape },
    );
    expect(wasm.shape).toEqual(inputShape);
    expect(relativeError(wasm.values, cpu.values)).toBeLessThan(1e-4);
  });
});
