import type { ExperimentConfig } from '../config/schema';
import type { Dataset } from '../data/types';
import type { FeatureTransform } from '../partition/types';
import { createAttack } from './registry';

/** A client's training data as handed to the trainer. */
export interface ClientData {
  data: Dataset;
  indices: Int32Array;
  transform?: FeatureTransform;
}

/**
 * A malicious client's poisoned copy of its examples, for attacks with a poisonData hook (label-flip, backdoor):
 * feature skew is applied first, so a trigger is stamped on what the client sees. Returns `clean` unchanged for the
 * other attacks.
 */
export function poisonClientData(config: ExperimentConfig, clientId: number, clean: ClientData): ClientData {
  const attack = createAttack(config.attack, { seed: config.seed });
  if (!attack.poisonData) return clean;
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
  attack.poisonData({ x, y, count: n, data }, clientId);
  return {
    data: { ...data, x, y, numExamples: n },
    indices: Int32Array.from({ length: n }, (_, k) => k),
  };
}

/**
 * The inputs attack success is measured on, labelled with the attacker's target so that accuracy on this set is the
 * success rate (the attack's successTest: e.g. backdoor, triggered test inputs whose true label is not the target;
 * targeted label flip, test inputs of the source class). Null when the attack has no target.
 */
export function attackTestSet(config: ExperimentConfig, train: Dataset, test: Dataset): Dataset | null {
  const spec = createAttack(config.attack, { seed: config.seed }).successTest?.(train);
  if (!spec) return null;
  const size = test.featureSize;
  const picked: number[] = [];
  for (let i = 0; i < test.numExamples; i++) if (spec.keep(test.y[i])) picked.push(i);
  const x = new Float32Array(picked.length * size);
  picked.forEach((i, k) => x.set(test.x.subarray(i * size, (i + 1) * size), k * size));
  if (spec.trigger) for (let k = 0; k < picked.length; k++) spec.trigger(x, k * size);
  return { ...test, x, y: new Int32Array(picked.length).fill(spec.target), numExamples: picked.length };
}
