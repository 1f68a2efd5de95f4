import { rngFor } from '../rng';
import type { ModelAttack } from './types';

const AMPLITUDE = 1e-3;

/** Free-rider (Lin et al. 2019): a tiny random update U(−1e-3, 1e-3) per coordinate instead of real training. */
export const freeRider: ModelAttack = {
  omniscient: () => false,
  forge(own, clientId, { seed, round }) {
    const rng = rngFor(seed, 'attack-noise', round, clientId);
    const out = new Float32Array(own.length);
    for (let i = 0; i < out.length; i++) out[i] = AMPLITUDE * (2 * rng.float() - 1);
    return out;
  },
};
