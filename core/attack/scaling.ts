import { z } from 'zod';
import { param } from '../plugin';
import { scaled } from './stats';
import { defineAttack } from './types';

/** γ while attack.scalingGamma is unset, as the studio names it (n updates this round, η the server learning rate). */
export const SCALING_GAMMA_DEFAULT_LABEL = 'n/η';

// Model replacement (Bagdasaryan et al. 2020): submit G + γ(X − G), i.e. Δ' = γ·Δ, with γ = n/η so the average
// becomes X when the honest updates roughly cancel.
export const scaling = defineAttack({
  name: 'scaling',
  label: 'Scaling / model replacement',
  help: 'Send γ times the honest update, γ = n/η by default, so the average becomes the attacker’s model (Bagdasaryan et al. 2020).',
  params: {
    scalingGamma: param(z.number().min(0).max(10_000).optional(), {
      label: 'Boost γ',
      help: 'Model replacement: the update is multiplied by γ (n updates per round, η the server learning rate).',
      defaultLabel: SCALING_GAMMA_DEFAULT_LABEL,
    }),
  },
  unbounded: true,
  forge(own, _clientId, { attack, numUpdates, serverLr }) {
    return scaled(own, attack.scalingGamma ?? numUpdates / serverLr);
  },
});
