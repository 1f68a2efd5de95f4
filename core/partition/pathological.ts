import { z } from 'zod';
import { ConfigError } from '../config/configError';
import { groupByClass } from '../data/split';
import { param } from '../plugin';
import type { Rng } from '../rng';
import { apportion } from './apportion';
import { distributeClasses } from './distributeClasses';
import { definePartitioner, type PartitionInput } from './types';

/**
 * Pathological label skew (flwr-datasets PathologicalPartitioner, class_assignment_mode "random"): each client
 * holds exactly `classesPerClient` random classes; each class's examples are split among the clients holding it
 * (in proportion to their quantity-skew weights). Unlike flwr, every class gets a holder, so no example is dropped.
 */
export const pathological = definePartitioner({
  name: 'pathological',
  label: 'Pathological (k classes)',
  help: 'Each client holds exactly k random classes, each class split among its holders (flwr-datasets PathologicalPartitioner).',
  params: {
    classesPerClient: param(z.number().int().min(1).max(10).default(2), {
      label: 'Classes per client',
      help: 'Pathological split: number of distinct classes each client holds.',
    }),
  },
  create: (params) => (input) => pathologicalSplit(params, input),
});

function pathologicalSplit(
  { classesPerClient }: { classesPerClient: number },
  { labels, numClasses, weights, rng }: PartitionInput,
): Int32Array[] {
  const numClients = weights.length;
  const byClass = groupByClass(labels, numClasses);
  const present = byClass.flatMap((members, c) => (members.length > 0 ? [c] : []));
  const fail = (message: string) => new ConfigError([{ path: 'partition.classesPerClient', message }]);
  if (classesPerClient > present.length) {
    throw fail(
      `${classesPerClient} classes per client but the training data has ${present.length} classes: ` +
        `lower partition.classesPerClient to ≤ ${present.length}`,
    );
  }
  if (numClients * classesPerClient < present.length) {
    throw fail(
      `${numClients} clients × ${classesPerClient} classes cannot cover all ${present.length} classes: ` +
        'raise partition.classesPerClient or partition.numClients',
    );
  }

  const holdings = assignClasses(numClients, classesPerClient, present, numClasses, rng);
  const counts = byClass.map((members, c) => {
    const perClient = new Int32Array(numClients);
    const holders = holdings.flatMap((held, k) => (held.includes(c) ? [k] : []));
    if (holders.length === 0) return perClient;
    if (members.length < holders.length) {
      throw fail(
        `class ${c} has ${members.length} training examples but ${holders.length} clients hold it: ` +
          'lower partition.numClients or partition.classesPerClient',
      );
    }
    const split = apportion(
      members.length,
      holders.map((k) => weights[k]),
      1,
    );
    holders.forEach((k, i) => (perClient[k] = split[i]));
    return perClient;
  });
  return distributeClasses(byClass, counts, rng);
}

/** Random classes per client, then repaired so every class has a holder: a class held by nobody takes the place of
 * a class held by several, in a randomly chosen client. */
function assignClasses(numClients: number, perClient: number, classes: number[], numClasses: number, rng: Rng) {
  const holdings = Array.from({ length: numClients }, () =>
    rng.sampleWithoutReplacement(classes.length, perClient).map((i) => classes[i]),
  );
  const holderCount = new Int32Array(numClasses);
  for (const held of holdings) for (const c of held) holderCount[c]++;
  for (const missing of classes.filter((c) => holderCount[c] === 0)) {
    const donors = holdings.filter((held) => held.some((c) => holderCount[c] > 1));
    const held = donors[rng.int(donors.length)];
    const slot = held.findIndex((c) => holderCount[c] > 1);
    holderCount[held[slot]]--;
    held[slot] = missing;
    holderCount[missing] = 1;
  }
  return holdings;
}
