import { z } from 'zod';
import { param } from '../plugin';
import { coordinateMean, scaled } from './stats';
import { defineAttack } from './types';

/** Sign flipping: −s · own update, or −s · mean(honest updates) when omniscient. */
export const signFlip = defineAttack({
  name: 'sign-flip',
  label: 'Sign flipping',
  help: 'Send −s times the honest update, or −s times the mean of the round’s honest updates when omniscient (Allen-Zhu et al. 2021; ByzFL’s SignFlipping: s = 1, omniscient).',
  params: {
    signFlipScale: param(z.number().min(0).max(1_000).default(1), {
      label: 'Sign flip s',
      help: 'Malicious update = −s · honest update.',
    }),
    signFlipOmniscient: param(z.boolean().default(false), {
      label: 'Omniscient sign flip',
      help: 'Flip the mean of the round’s honest updates instead of its own.',
    }),
  },
  unbounded: true,
  omniscient: (attack) => attack.signFlipOmniscient,
  forge(own, _clientId, { honest, attack }) {
    const base = attack.signFlipOmniscient ? coordinateMean(honest) : own;
    return scaled(base, -attack.signFlipScale);
  },
});
