import { apportion, splitByCounts } from './apportion';
import { definePartitioner } from './types';

/** IID: shuffle the train set and cut it into client-sized pieces (equal sizes without quantity skew). */
export const iid = definePartitioner({
  name: 'iid',
  label: 'IID (uniform)',
  help: 'Shuffle the train set and cut it into client-sized pieces: every client a uniform sample (flwr-datasets IidPartitioner).',
  params: {},
  create:
    () =>
    ({ labels, weights, rng }) => {
      const order = rng.shuffle(Int32Array.from({ length: labels.length }, (_, i) => i));
      return splitByCounts(order, apportion(labels.length, weights, 1));
    },
});
