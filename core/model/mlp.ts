import { z } from 'zod';
import { param } from '../plugin';
import type { LayerSpec } from './architecture';
import { featureCount } from './shapes';
import { defineModel, type ModelShape } from './types';

/** Fully connected ReLU layers of sizes `spec.hidden`, then a dense layer to the class logits. */
export function mlpLayers(spec: ModelShape & { hidden: readonly number[] }): LayerSpec[] {
  if (spec.hidden.length === 0) throw new Error('an MLP needs at least one hidden layer size');
  const layers: LayerSpec[] = [];
  let inputs = featureCount(spec.inputShape);
  for (const units of spec.hidden) {
    layers.push({ type: 'dense', inputs, units, activation: 'relu' });
    inputs = units;
  }
  layers.push({ type: 'dense', inputs, units: spec.numClasses, activation: 'linear' });
  return layers;
}

export const mlp = defineModel({
  name: 'mlp',
  label: 'MLP',
  help: 'Fully connected ReLU layers of the hidden sizes, then a dense layer to the class logits (McMahan et al. 2017’s 2NN has two of 200).',
  params: {
    hidden: param(z.array(z.number().int().min(1).max(1_024)).min(1).max(4).default([128]), {
      label: 'Hidden layers',
      help: 'MLP hidden layer sizes, comma separated (e.g. "128" or "64, 32").',
    }),
  },
  create: ({ hidden }, shape) => mlpLayers({ ...shape, hidden }),
});
