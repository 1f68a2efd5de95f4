import { scaled } from './stats';
import type { ModelAttack } from './types';

/** γ while attack.scalingGamma is unset, as the studio names it (n updates this round, η the server learning rate). */
export const SCALING_GAMMA_DEFAULT_LABEL = 'n/η';

// Model replacement (Bagdasaryan et al. 2020): submit G + γ(X − G), i.e. Δ' = γ·Δ, with γ = n/η so the average
// becomes X when the honest updates roughly cancel.
export const scaling: ModelAttack = {
  omniscient: () => false,
  forge(own, _clientId, { attack, numUpdates, serverLr }) {
    return scaled(own, attack.scalingGamma ?? numUpdates / serverLr);
  },
};
