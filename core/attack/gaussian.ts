import { rngFor } from '../rng';
import type { ModelAttack } from './types';

/** Gaussian attack: the update is N(0, σ²) noise per coordinate, from rngFor(seed, 'attack-noise', round, client). */
export const gaussian: ModelAttack = {
  omniscient: () => false,
  forge(own, clientId, { seed, round, attack }) {
    const rng = rngFor(seed, 'attack-noise', round, clientId);
    const out = new Float32Array(own.length);
    for (let i = 0; i < out.length; i++) out[i] = attack.gaussianStd * rng.normal();
    return out;
  },
};
