import { describe, expect, it } from 'vitest';
import { imageWarp } from './imageWarp';

const IMAGE_3X3 = [1, 2, 3, 4, 5, 6, 7, 8, 9];

const warped = (input: number[], ...args: Parameters<typeof imageWarp>) => {
  const x = Float32Array.from(input);
  imageWarp(...args)(x, input.length / (args[0] * args[1]));
  return Array.from(x);
};

describe('imageWarp', () => {
  it('is the identity for no rotation and no shift', () => {
    expect(warped(IMAGE_3X3, 3, 3, 0, 0, 0)).toEqual(IMAGE_3X3);
  });

  it('rotates by 90° about the centre (hand-computed: out(r, c) = in(2 − c, r))', () => {
    const expected = [7, 4, 1, 8, 5, 2, 9, 6, 3];
    warped(IMAGE_3X3, 3, 3, Math.PI / 2, 0, 0).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 5));
  });

  it('shifts by whole pixels, filling with zeros', () => {
    expect(warped(IMAGE_3X3, 3, 3, 0, 1, 0)).toEqual([0, 1, 2, 0, 4, 5, 0, 7, 8]);
    expect(warped(IMAGE_3X3, 3, 3, 0, 0, -1)).toEqual([4, 5, 6, 7, 8, 9, 0, 0, 0]);
  });

  it('interpolates bilinearly between pixels', () => {
    // Half a pixel right: each output is the mean of its left neighbour (0 outside) and itself.
    expect(warped(IMAGE_3X3, 3, 3, 0, 0.5, 0)).toEqual([0.5, 1.5, 2.5, 2, 4.5, 5.5, 3.5, 7.5, 8.5]);
  });

  it('warps every example of a batch, and only `count` of them', () => {
    const x = Float32Array.from([...IMAGE_3X3, ...IMAGE_3X3, ...IMAGE_3X3]);
    imageWarp(3, 3, 0, 1, 0)(x, 2);
    expect(Array.from(x)).toEqual([0, 1, 2, 0, 4, 5, 0, 7, 8, 0, 1, 2, 0, 4, 5, 0, 7, 8, ...IMAGE_3X3]);
  });
});
