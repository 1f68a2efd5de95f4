import { z } from 'zod';
import { param } from '../plugin';
import { rngFor } from '../rng';
import { defineAttack } from './types';

/** Gaussian attack: the update is N(0, σ²) noise per coordinate, from rngFor(seed, 'attack-noise', round, client). */
export const gaussian = defineAttack({
  name: 'gaussian',
  label: 'Gaussian noise',
  help: 'Send N(0, σ²) noise per coordinate instead of the update (Blanchard et al. 2017; ByzFL’s Gaussian).',
  params: {
    gaussianStd: param(z.number().min(0).max(100).default(1), {
      label: 'Gaussian σ',
      help: 'The update is N(0, σ²) noise per coordinate.',
    }),
  },
  unbounded: true,
  forge(own, clientId, { seed, round, attack }) {
    const rng = rngFor(seed, 'attack-noise', round, clientId);
    const out = new Float32Array(own.length);
    for (let i = 0; i < out.length; i++) out[i] = attack.gaussianStd * rng.normal();
    return out;
  },
});
