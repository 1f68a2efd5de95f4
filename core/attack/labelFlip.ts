import type { AttackConfig } from './types';

/** What flipLabel does while labelFlipSource and labelFlipTarget are unset, as the studio names it. */
export const ALL_TO_ALL_FLIP_LABEL = 'all-to-all, y → C−1−y';

/** Label flipping: all-to-all y → C−1−y, or only source → target when both are set. */
export function flipLabel(y: number, numClasses: number, attack: AttackConfig): number {
  const { labelFlipSource, labelFlipTarget } = attack;
  if (labelFlipSource === undefined || labelFlipTarget === undefined) return numClasses - 1 - y;
  return y === labelFlipSource ? labelFlipTarget : y;
}
