import { coordinateMean, scaled } from './stats';
import type { ModelAttack } from './types';

/** Inner Product Manipulation (Xie et al. 2020): −ε · mean(honest updates of the round). */
export const ipm: ModelAttack = {
  omniscient: () => true,
  forge(_own, _clientId, { honest, attack }) {
    return scaled(coordinateMean(honest), -attack.ipmEpsilon);
  },
};
