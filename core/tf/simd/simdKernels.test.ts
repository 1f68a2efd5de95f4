import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { backend_util } from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../rng';
import { maxPoolGradJs } from '../kernels/maxPoolGrad';
import { simdKernelsFor, type SimdKernels } from './simdKernels';

const BUILD_SCRIPT = fileURLToPath(new URL('../../../scripts/build-simd.mjs', import.meta.url));

/** The kernels on a fresh memory, and a bump allocator of 16-byte aligned Float32Arrays in it. */
function heap(pages: number): { simd: SimdKernels; alloc(values: ArrayLike<number> | number): Float32Array } {
  const memory = new WebAssembly.Memory({ initial: pages });
  const simd = simdKernelsFor(memory);
  if (!simd) throw new Error('the SIMD kernels did not instantiate');
  let top = 0;
  return {
    simd,
    alloc(values) {
      const length = typeof values === 'number' ? values : values.length;
      const view = new Float32Array(memory.buffer, top, length);
      if (typeof values !== 'number') view.set(values);
      top += Math.ceil(length / 4) * 16;
      return view;
    },
  };
}

function normals(length: number, rng: Rng): Float32Array {
  return Float32Array.from({ length }, () => rng.normal());
}

/** Exact equality, NaN and −0 included. */
const bits = (values: Float32Array) => new Uint32Array(values.buffer, values.byteOffset, values.length);

describe('the SIMD kernels', () => {
  it('run the binary built from simdKernels.wat (after editing it, run node scripts/build-simd.mjs)', () => {
    const check = spawnSync(process.execPath, [BUILD_SCRIPT, '--check'], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('decline a shared (multi-threaded) heap', () => {
    expect(simdKernelsFor(new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true }))).toBeNull();
  });

  it('columnSums adds the column sums of a hand-checked matrix to out', () => {
    const { simd, alloc } = heap(1);
    const x = alloc(Float32Array.from({ length: 12 }, (_, i) => i)); // 3 × 4
    const out = alloc([100, 0, 0, 0]);
    simd.columnSums(x.byteOffset, out.byteOffset, 3, 16);
    expect(Array.from(out)).toEqual([112, 15, 18, 21]);
  });

  it('columnSums matches a plain JS loop bit for bit (CNN conv1 bias gradient)', () => {
    const { simd, alloc } = heap(16);
    const channels = 8;
    const x = alloc(normals(32 * 28 * 28 * channels, new Rng(1)));
    const out = alloc(channels);
    simd.columnSums(x.byteOffset, out.byteOffset, x.length / channels, channels * 4);
    const expected = new Float32Array(channels);
    for (let i = 0; i < x.length; i += channels) for (let c = 0; c < channels; c++) expected[c] += x[i + c];
    expect(bits(out)).toEqual(bits(expected));
  });

  it('transposeBlocks swaps the two outer axes of a hand-checked [2, 3, 4] tensor', () => {
    const { simd, alloc } = heap(1);
    const value = (i: number) => 100 * Math.floor(i / 12) + 10 * (Math.floor(i / 4) % 3) + (i % 4); // 100r + 10c + k
    const src = alloc(Float32Array.from({ length: 24 }, (_, i) => value(i)));
    const dst = alloc(24);
    simd.transposeBlocks(src.byteOffset, dst.byteOffset, 2, 3, 16);
    expect(Array.from(dst)).toEqual([
      ...[0, 1, 2, 3, 100, 101, 102, 103],
      ...[10, 11, 12, 13, 110, 111, 112, 113],
      ...[20, 21, 22, 23, 120, 121, 122, 123],
    ]);
  });

  it('transposeBlocks matches a plain JS loop bit for bit (CNN conv2 dy, [32, 14·14, 16])', () => {
    const { simd, alloc } = heap(16);
    const [rows, cols, block] = [32, 14 * 14, 16];
    const src = alloc(normals(rows * cols * block, new Rng(2)));
    const dst = alloc(src.length);
    simd.transposeBlocks(src.byteOffset, dst.byteOffset, rows, cols, block * 4);
    const expected = new Float32Array(src.length);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        for (let k = 0; k < block; k++) expected[(c * rows + r) * block + k] = src[(r * cols + c) * block + k];
      }
    }
    expect(bits(dst)).toEqual(bits(expected));
  });

  // Zeros make ties (the gradient goes to the first maximum only) and normals make windows with negative maxima.
  const pools: [string, [number, number, number, number], number, number, 'same' | 'valid'][] = [
    ['CNN pool1', [32, 28, 28, 8], 2, 2, 'valid'],
    ['CNN pool2', [32, 14, 14, 16], 2, 2, 'valid'],
    ['overlapping windows cut at the border', [3, 9, 7, 12], 3, 2, 'same'],
  ];
  it.each(pools)('maxPoolGrad matches the plain JS loop bit for bit: %s', (_name, shape, filterSize, strides, pad) => {
    const info = backend_util.computePool2DInfo(shape, filterSize, strides, 1, pad);
    const { simd, alloc } = heap(64);
    const rng = new Rng(3, shape.join('x'));
    const size = shape.reduce((a, b) => a * b);
    const x = alloc(Float32Array.from({ length: size }, (_, i) => (i % 3 === 0 ? 0 : rng.normal())));
    const y = alloc(maxPool(x, info));
    const dy = alloc(normals(y.length, rng));
    const dx = alloc(x.length);
    simd.maxPoolGrad(
      x.byteOffset, y.byteOffset, dy.byteOffset, dx.byteOffset, info.batchSize, info.inHeight, info.inWidth,
      info.inChannels * 4, info.outHeight, info.outWidth, info.strideHeight, info.strideWidth, info.filterHeight,
      info.filterWidth, info.padInfo.top, info.padInfo.left,
    );
    const expected = new Float32Array(x.length);
    maxPoolGradJs(x, y, dy, expected, info);
    expect(dx.some((v) => v !== 0)).toBe(true);
    expect(bits(dx)).toEqual(bits(expected));
  });
});

/** Max pooling, NHWC, windows clipped to the input. */
function maxPool(x: Float32Array, info: backend_util.Conv2DInfo): Float32Array {
  const { batchSize, inHeight, inWidth, inChannels: channels, outHeight, outWidth, padInfo } = info;
  const y = new Float32Array(batchSize * outHeight * outWidth * channels).fill(-Infinity);
  let o = 0;
  for (let n = 0; n < batchSize; n++) {
    for (let oh = 0; oh < outHeight; oh++) {
      const h0 = oh * info.strideHeight - padInfo.top;
      for (let ow = 0; ow < outWidth; ow++, o += channels) {
        const w0 = ow * info.strideWidth - padInfo.left;
        for (let h = Math.max(h0, 0); h < Math.min(h0 + info.filterHeight, inHeight); h++) {
          for (let w = Math.max(w0, 0); w < Math.min(w0 + info.filterWidth, inWidth); w++) {
            const at = ((n * inHeight + h) * inWidth + w) * channels;
            for (let c = 0; c < channels; c++) y[o + c] = Math.max(y[o + c], x[at + c]);
          }
        }
      }
    }
  }
  return y;
}
