import type { AttackConfig } from './types';

/** Label flipping: all-to-all y → C−1−y, or only source → target when both are set (fl-reference § Attacks). */
export function flipLabel(y: number, numClasses: number, attack: AttackConfig): number {
  const { labelFlipSource, labelFlipTarget } = attack;
  if (labelFlipSource === undefined || labelFlipTarget === undefined) return numClasses - 1 - y;
  return y === labelFlipSource ? labelFlipTarget : y;
}
