import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/schema';
import type { Dataset } from '../data/types';
import { rngFor } from '../rng';
import { flipLabel } from './labelFlip';
import { attackTestSet, poisonClientData } from './poisonData';
import { pointTrigger } from './trigger';

// Four 4×4 one-channel images with pixel value 0.5 and labels 0..3.
function images(labels: number[]): Dataset {
  return {
    name: 'mnist',
    x: new Float32Array(labels.length * 16).fill(0.5),
    y: Int32Array.from(labels),
    numExamples: labels.length,
    inputShape: [4, 4, 1],
    featureSize: 16,
    numClasses: 10,
  };
}
const PATCH = [10, 11, 14, 15]; // the 2×2 bottom-right corner of a 4×4 image

describe('label flipping', () => {
  const attack = (extra: object) => parseConfig({ attack: { kind: 'label-flip', ...extra } }).attack;
  it('all-to-all maps y to C−1−y; targeted maps only the source', () => {
    expect([0, 3, 9].map((y) => flipLabel(y, 10, attack({})))).toEqual([9, 6, 0]);
    expect([1, 2].map((y) => flipLabel(y, 10, attack({ labelFlipSource: 1, labelFlipTarget: 7 })))).toEqual([7, 2]);
  });

  it("poisons a client's copy of its examples, leaving the shared dataset alone", () => {
    const data = images([0, 1, 2, 3]);
    const config = parseConfig({ attack: { kind: 'label-flip' } });
    const out = poisonClientData(config, 0, { data, indices: Int32Array.from([3, 1]) });
    expect([...out.data.y]).toEqual([6, 8]);
    expect([...out.indices]).toEqual([0, 1]);
    expect([...data.y]).toEqual([0, 1, 2, 3]);
  });
});

describe('backdoor', () => {
  const config = parseConfig({ seed: 3, attack: { kind: 'backdoor', triggerSize: 2, poisonFraction: 0.5, backdoorTarget: 0 } });

  it('stamps a max-intensity patch at the bottom-right corner of a poison fraction, relabelled to the target', () => {
    const data = images([1, 2, 3, 4]);
    const out = poisonClientData(config, 6, { data, indices: Int32Array.from([0, 1, 2, 3]) });
    const poisoned = rngFor(3, 'attack-poison', 0, 6).sampleWithoutReplacement(4, 2);
    for (let k = 0; k < 4; k++) {
      const image = out.data.x.subarray(16 * k, 16 * (k + 1));
      const hit = poisoned.includes(k);
      expect(out.data.y[k]).toBe(hit ? 0 : k + 1);
      for (let p = 0; p < 16; p++) expect(image[p]).toBe(hit && PATCH.includes(p) ? 1 : 0.5);
    }
  });

  it('applies the feature transform before stamping the trigger', () => {
    const data = images([1, 2]);
    const full = parseConfig({ attack: { kind: 'backdoor', triggerSize: 2, poisonFraction: 1 } });
    const out = poisonClientData(full, 0, { data, indices: Int32Array.from([0, 1]), transform: (x) => x.fill(0.25) });
    expect(out.transform).toBeUndefined();
    expect(out.data.x[0]).toBe(0.25);
    expect(out.data.x[15]).toBe(1);
  });

  it('measures success on triggered test inputs whose true label is not the target, labelled as the target', () => {
    const test = images([0, 5, 0, 7]);
    const set = attackTestSet(config, test, test);
    expect(set?.numExamples).toBe(2);
    expect([...(set?.y ?? [])]).toEqual([0, 0]);
    expect(set?.x[15]).toBe(1);
    expect(set?.x[0]).toBe(0.5);
  });

  it('puts a 2-D trigger beyond the top-right corner of the training box', () => {
    const train: Dataset = { ...images([0, 1]), x: Float32Array.from([0, 0, 10, 20]), inputShape: [2], featureSize: 2 };
    const x = Float32Array.from([5, 10]);
    pointTrigger(train)(x, 0);
    expect([...x]).toEqual([10.5, 21]);
  });
});

describe('attackTestSet', () => {
  it('targeted label flip: the source-class test inputs, labelled as the target; none for all-to-all', () => {
    const test = images([1, 2, 1, 3]);
    const targeted = parseConfig({ attack: { kind: 'label-flip', labelFlipSource: 1, labelFlipTarget: 7 } });
    const set = attackTestSet(targeted, test, test);
    expect(set?.numExamples).toBe(2);
    expect([...(set?.y ?? [])]).toEqual([7, 7]);
    expect(attackTestSet(parseConfig({ attack: { kind: 'label-flip' } }), test, test)).toBeNull();
    expect(attackTestSet(parseConfig({ attack: { kind: 'sign-flip' } }), test, test)).toBeNull();
  });
});
