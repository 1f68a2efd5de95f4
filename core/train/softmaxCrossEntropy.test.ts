import { describe, expect, it } from 'vitest';
import { softmax, softmaxCrossEntropy } from './softmaxCrossEntropy';

describe('softmaxCrossEntropy', () => {
  // Two rows of three logits; labels 2 and 0.
  const logits = Float32Array.from([1, 2, 3, 0.5, 0.5, -1]);
  const labels = Int32Array.from([2, 0]);

  it('sums −log softmax[label] and counts arg-max hits', () => {
    const { lossSum, correct } = softmaxCrossEntropy(logits, labels, 2, 3);
    const row1 = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)) - 3;
    const row2 = Math.log(2 * Math.exp(0.5) + Math.exp(-1)) - 0.5;
    expect(lossSum).toBeCloseTo(row1 + row2, 6);
    // Row 2 ties classes 0 and 1: the first maximum (class 0) counts, and it is the label.
    expect(correct).toBe(2);
  });

  it('writes scale·(softmax − onehot)/count as the logits gradient', () => {
    const d = new Float32Array(6);
    softmaxCrossEntropy(logits, labels, 2, 3, d, 0.1);
    const z1 = Math.exp(1) + Math.exp(2) + Math.exp(3);
    const z2 = 2 * Math.exp(0.5) + Math.exp(-1);
    const expected = [
      Math.exp(1) / z1, Math.exp(2) / z1, Math.exp(3) / z1 - 1,
      Math.exp(0.5) / z2 - 1, Math.exp(0.5) / z2, Math.exp(-1) / z2,
    ].map((g) => (0.1 * g) / 2);
    expected.forEach((g, i) => expect(d[i]).toBeCloseTo(g, 7));
  });

  it('stays finite for huge logits', () => {
    const { lossSum } = softmaxCrossEntropy(Float32Array.from([1000, 0]), Int32Array.from([1]), 1, 2);
    expect(lossSum).toBeCloseTo(1000, 3);
  });
});

describe('softmax', () => {
  it('normalises each row', () => {
    const out = new Float32Array(4);
    softmax(Float32Array.from([0, Math.log(3), 5, 5]), 2, 2, out);
    [0.25, 0.75, 0.5, 0.5].forEach((p, i) => expect(out[i]).toBeCloseTo(p, 6));
  });
});
