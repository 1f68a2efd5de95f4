import { coordinateMean, scaled } from './stats';
import type { ModelAttack } from './types';

/** Sign flipping: −s · own update, or −s · mean(honest updates) when omniscient. */
export const signFlip: ModelAttack = {
  omniscient: (attack) => attack.signFlipOmniscient,
  forge(own, _clientId, { honest, attack }) {
    const base = attack.signFlipOmniscient ? coordinateMean(honest) : own;
    return scaled(base, -attack.signFlipScale);
  },
};
