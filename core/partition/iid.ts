import { apportion, splitByCounts } from './apportion';
import type { LabelPartitioner } from './partitioner';

/** IID: shuffle the train set and cut it into client-sized pieces (equal sizes without quantity skew). */
export const iid: LabelPartitioner = ({ labels, weights, rng }) => {
  const order = rng.shuffle(Int32Array.from({ length: labels.length }, (_, i) => i));
  return splitByCounts(order, apportion(labels.length, weights, 1));
};
