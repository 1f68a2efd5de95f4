import { describe, expect, it } from 'vitest';
import { chooseOrientation, matrixDims } from './matMulPlan';

// Each case was timed both ways on this machine (µs, best of 70 calls); the plan must pick the faster.
describe('chooseOrientation', () => {
  it('flips the MLP forward pass x·W1ᵀ, whose 100k weights cost more to transpose and pack (flipped 385, plain 999)', () => {
    expect(chooseOrientation([32, 784], [128, 784], false, true)).toBe('flipped');
  });

  it('keeps the MLP weight gradient dZᵀ·x plain rather than transposing a 100k result (plain 265, flipped 352)', () => {
    expect(chooseOrientation([32, 128], [32, 784], true, false)).toBe('plain');
  });

  it('keeps logistic regression plain: its weights are smaller than the batch (plain 83, flipped 159)', () => {
    expect(chooseOrientation([32, 784], [10, 784], false, true)).toBe('plain');
  });

  it('keeps a 10-class weight gradient plain: a 10-column GEMM wastes XNNPACK tiles (plain 38, flipped 78)', () => {
    expect(chooseOrientation([32, 10], [32, 784], true, false)).toBe('plain');
  });
});

describe('matrixDims', () => {
  it('reads rows × cols and accepts only leading dimensions of 1', () => {
    expect(matrixDims({ dataId: {}, shape: [1, 1, 3, 4], dtype: 'float32' })).toEqual([3, 4]);
    expect(matrixDims({ dataId: {}, shape: [2, 3, 4], dtype: 'float32' })).toBeNull();
    expect(matrixDims({ dataId: {}, shape: [4], dtype: 'float32' })).toBeNull();
  });
});
