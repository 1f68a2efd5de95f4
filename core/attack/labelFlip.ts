import { z } from 'zod';
import { param } from '../plugin';
import { defineAttack } from './types';

/** What flipLabel does while labelFlipSource and labelFlipTarget are unset, as the studio names it. */
export const ALL_TO_ALL_FLIP_LABEL = 'all-to-all, y → C−1−y';

interface FlipParams {
  labelFlipSource?: number;
  labelFlipTarget?: number;
}

/** Label flipping: all-to-all y → C−1−y, or only source → target when both are set. */
export function flipLabel(y: number, numClasses: number, { labelFlipSource, labelFlipTarget }: FlipParams): number {
  if (labelFlipSource === undefined || labelFlipTarget === undefined) return numClasses - 1 - y;
  return y === labelFlipSource ? labelFlipTarget : y;
}

const classParam = (label: string, help: string) =>
  param(z.number().int().min(0).max(9).optional(), { label, help, defaultLabel: ALL_TO_ALL_FLIP_LABEL });

/** Label flipping (Tolpegin et al. 2020): malicious clients train on relabelled examples. */
export const labelFlip = defineAttack({
  name: 'label-flip',
  label: 'Label flipping',
  help: 'Malicious clients train on flipped labels: all-to-all y → C−1−y, or one source class → a target (Tolpegin et al. 2020).',
  params: {
    labelFlipSource: classParam('Flip source class', 'Targeted flip: relabel this class (set it together with the target).'),
    labelFlipTarget: classParam('Flip target class', 'Targeted flip: the class the source is relabelled to.'),
  },
  poisonData({ y, count, data }, _clientId, { attack }) {
    for (let k = 0; k < count; k++) y[k] = flipLabel(y[k], data.numClasses, attack);
  },
  // A targeted flip succeeds on the source class's test inputs classified as the target; all-to-all has no target.
  successTest(_train, { labelFlipSource: source, labelFlipTarget: target }) {
    if (source === undefined || target === undefined) return null;
    return { target, keep: (label) => label === source };
  },
});
