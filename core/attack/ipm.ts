import { z } from 'zod';
import { param } from '../plugin';
import { coordinateMean, scaled } from './stats';
import { defineAttack } from './types';

/** Inner Product Manipulation (Xie et al. 2020): −ε · mean(honest updates of the round). */
export const ipm = defineAttack({
  name: 'ipm',
  label: 'Inner Product Manipulation (omniscient)',
  help: 'Send −ε times the mean of the round’s honest updates (Xie et al. 2020, "Fall of Empires"; ByzFL’s InnerProductManipulation).',
  params: {
    ipmEpsilon: param(z.number().min(0).max(100).default(0.1), {
      label: 'IPM ε',
      help: 'Malicious update = −ε · mean of the honest updates (0.1 small, > 1 large).',
    }),
  },
  unbounded: true,
  omniscient: () => true,
  forge(_own, _clientId, { honest, attack }) {
    return scaled(coordinateMean(honest), -attack.ipmEpsilon);
  },
});
