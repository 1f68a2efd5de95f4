import type { ExperimentConfig } from '../config/schema';
import type { Dataset } from '../data/types';
import type { FeatureTransform } from '../partition/types';
import { rngFor } from '../rng';
import { flipLabel } from './labelFlip';
import { triggerFor } from './trigger';

/** A client's training data as handed to the trainer. */
export interface ClientData {
  data: Dataset;
  indices: Int32Array;
  transform?: FeatureTransform;
}

/**
 * A malicious client's poisoned copy of its examples (label-flip or backdoor), feature skew already applied so the
 * trigger is stamped on what the client sees. The backdoored examples are drawn once per client from
 * rngFor(seed, 'attack-poison', 0, client). Returns `clean` unchanged for the other attack kinds.
 */
export function poisonClientData(config: ExperimentConfig, clientId: number, clean: ClientData): ClientData {
  const { kind } = config.attack;
  if (kind !== 'label-flip' && kind !== 'backdoor') return clean;
  const { data, indices, transform } = clean;
  const n = indices.length;
  const size = data.featureSize;
  const x = new Float32Array(n * size);
  const y = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    x.set(data.x.subarray(indices[k] * size, (indices[k] + 1) * size), k * size);
    y[k] = data.y[indices[k]];
  }
  transform?.(x, n);
  if (kind === 'label-flip') {
    for (let k = 0; k < n; k++) y[k] = flipLabel(y[k], data.numClasses, config.attack);
  } else {
    const trigger = triggerFor(data, config.attack.triggerSize);
    const poisoned = Math.round(config.attack.poisonFraction * n);
    for (const k of rngFor(config.seed, 'attack-poison', 0, clientId).sampleWithoutReplacement(n, poisoned)) {
      trigger(x, k * size);
      y[k] = config.attack.backdoorTarget;
    }
  }
  return {
    data: { ...data, x, y, numExamples: n },
    indices: Int32Array.from({ length: n }, (_, k) => k),
  };
}

/**
 * The inputs attack success is measured on, labelled with the attacker's target so that accuracy on this set is the
 * success rate. Backdoor: triggered test inputs whose true label is not the target; targeted label flip: test inputs
 * of the source class. Null when the attack has no target (all-to-all flip, model poisoning).
 */
export function attackTestSet(config: ExperimentConfig, train: Dataset, test: Dataset): Dataset | null {
  const attack = config.attack;
  const size = test.featureSize;
  let keep: (label: number) => boolean;
  let target: number;
  if (attack.kind === 'backdoor') {
    target = attack.backdoorTarget;
    keep = (label) => label !== target;
  } else if (attack.kind === 'label-flip' && attack.labelFlipSource !== undefined && attack.labelFlipTarget !== undefined) {
    const source = attack.labelFlipSource;
    target = attack.labelFlipTarget;
    keep = (label) => label === source;
  } else {
    return null;
  }
  const picked: number[] = [];
  for (let i = 0; i < test.numExamples; i++) if (keep(test.y[i])) picked.push(i);
  const x = new Float32Array(picked.length * size);
  picked.forEach((i, k) => x.set(test.x.subarray(i * size, (i + 1) * size), k * size));
  if (attack.kind === 'backdoor') {
    const trigger = triggerFor(train, attack.triggerSize);
    for (let k = 0; k < picked.length; k++) trigger(x, k * size);
  }
  return { ...test, x, y: new Int32Array(picked.length).fill(target), numExamples: picked.length };
}
