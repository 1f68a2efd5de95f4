import { describe, expect, it } from 'vitest';
import { paramLayout } from './layout';
import type { ModelSpec } from './types';

const mnist = { inputShape: [28, 28, 1], numClasses: 10 };

describe('paramLayout', () => {
  it('lays out logistic regression as one [classes, features] kernel and a bias', () => {
    const layout = paramLayout({ kind: 'logreg', ...mnist, hidden: [] });
    expect(layout.entries).toEqual([
      { name: 'layer0/kernel', shape: [10, 784], offset: 0, size: 7840 },
      { name: 'layer0/bias', shape: [10], offset: 7840, size: 10 },
    ]);
    expect(layout.totalSize).toBe(7850);
  });

  it('sizes an MLP from its hidden layers', () => {
    const spec: ModelSpec = { kind: 'mlp', ...mnist, hidden: [128, 64] };
    const layout = paramLayout(spec);
    expect(layout.entries.map((e) => e.shape)).toEqual([[128, 784], [128], [64, 128], [64], [10, 64], [10]]);
    expect(layout.totalSize).toBe(784 * 128 + 128 + 128 * 64 + 64 + 64 * 10 + 10);
  });

  it('sizes the CNN: 5×5×8 conv, pool, 5×5×16 conv, pool, dense from 7×7×16', () => {
    const layout = paramLayout({ kind: 'cnn', ...mnist, hidden: [] });
    expect(layout.entries.map((e) => [e.name, e.shape])).toEqual([
      ['layer0/kernel', [5, 5, 1, 8]],
      ['layer0/bias', [8]],
      ['layer2/kernel', [5, 5, 8, 16]],
      ['layer2/bias', [16]],
      ['layer4/kernel', [10, 784]],
      ['layer4/bias', [10]],
    ]);
    expect(layout.totalSize).toBe(200 + 8 + 3200 + 16 + 7840 + 10);
  });

  it('packs entries back to back', () => {
    const { entries, totalSize } = paramLayout({ kind: 'mlp', inputShape: [2], numClasses: 3, hidden: [5] });
    entries.forEach((e, i) => expect(e.offset).toBe(i === 0 ? 0 : entries[i - 1].offset + entries[i - 1].size));
    expect(totalSize).toBe(2 * 5 + 5 + 5 * 3 + 3);
  });

  it('refuses a CNN on non-image input', () => {
    expect(() => paramLayout({ kind: 'cnn', inputShape: [2], numClasses: 3, hidden: [] })).toThrow(/image input/);
  });
});
