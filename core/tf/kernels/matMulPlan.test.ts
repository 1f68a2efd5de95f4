import { describe, expect, it } from 'vitest';
import { chooseOrientation, matrixDims } from './matMulPlan';

describe('chooseOrientation', () => {
  it('flips a dense forward pass whose weights are much larger than the batch', () => {
    // x[32×784]·Wᵀ, W [128×784]: plain moves 100k + 4·100k; flipped moves 25k + 4·25k + 4k.
    expect(chooseOrientation([32, 784], [128, 784], false, true)).toBe('flipped');
  });

  it('keeps a weight gradient plain: packing the batch beats transposing a 100k result', () => {
    // dZᵀ·x: plain moves 4k + 4·25k = 104k; flipped moves 25k + 4·4k + 100k = 141k.
    expect(chooseOrientation([32, 128], [32, 784], true, false)).toBe('plain');
  });

  it('keeps logistic regression plain: its weights are smaller than the batch', () => {
    // plain 7.8k + 4·7.8k = 39k; flipped 25k + 4·25k + 320 = 126k.
    expect(chooseOrientation([32, 784], [10, 784], false, true)).toBe('plain');
  });
});

describe('matrixDims', () => {
  it('reads rows × cols and accepts only leading dimensions of 1', () => {
    expect(matrixDims({ dataId: {}, shape: [1, 1, 3, 4], dtype: 'float32' })).toEqual([3, 4]);
    expect(matrixDims({ dataId: {}, shape: [2, 3, 4], dtype: 'float32' })).toBeNull();
    expect(matrixDims({ dataId: {}, shape: [4], dtype: 'float32' })).toBeNull();
  });
});
