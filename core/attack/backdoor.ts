import { z } from 'zod';
import { param } from '../plugin';
import { rngFor } from '../rng';
import { triggerFor } from './trigger';
import { defineAttack } from './types';

/**
 * Backdoor (pixel trigger, Gu et al. 2017 in FL as Bagdasaryan et al. 2020): a poison fraction of a malicious client's
 * examples, drawn once per client from rngFor(seed, 'attack-poison', 0, client), get the trigger and the target label.
 */
export const backdoor = defineAttack({
  name: 'backdoor',
  label: 'Backdoor (pixel trigger)',
  help: 'Malicious clients stamp a trigger patch on part of their examples and relabel them to a target class (BadNets, Gu et al. 2017; in FL, Bagdasaryan et al. 2020).',
  params: {
    backdoorTarget: param(z.number().int().min(0).max(9).default(0), {
      label: 'Backdoor target',
      help: 'Class the triggered inputs are relabelled to.',
    }),
    poisonFraction: param(z.number().min(0).max(1).default(0.5), {
      label: 'Poison fraction',
      help: 'Share of a malicious client’s examples stamped with the trigger.',
      step: 0.01,
    }),
    triggerSize: param(z.number().int().min(1).max(10).default(3), {
      label: 'Trigger size',
      help: 'Side of the square max-intensity patch at the bottom-right corner (2-D data: a region beyond the top-right corner).',
    }),
  },
  poisonData({ x, y, count, data }, clientId, { seed, attack }) {
    const trigger = triggerFor(data, attack.triggerSize);
    const size = data.featureSize;
    const poisoned = Math.round(attack.poisonFraction * count);
    for (const k of rngFor(seed, 'attack-poison', 0, clientId).sampleWithoutReplacement(count, poisoned)) {
      trigger(x, k * size);
      y[k] = attack.backdoorTarget;
    }
  },
  // Success: triggered test inputs whose true label is not the target, classified as the target.
  successTest(train, { backdoorTarget: target, triggerSize }) {
    return { target, keep: (label) => label !== target, trigger: triggerFor(train, triggerSize) };
  },
});
