import type { AttackKind } from '../config/schema';
import { alie } from './alie';
import { freeRider } from './freeRider';
import { gaussian } from './gaussian';
import { ipm } from './ipm';
import { scaling } from './scaling';
import { signFlip } from './signFlip';
import type { ModelAttack } from './types';

/** Attacks on the update itself. The data-poisoning kinds (label-flip, backdoor) act in the client runtime instead. */
export const MODEL_ATTACKS: Partial<Record<AttackKind, ModelAttack>> = {
  'sign-flip': signFlip,
  gaussian,
  scaling,
  alie,
  ipm,
  'free-rider': freeRider,
};
