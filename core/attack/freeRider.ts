import { rngFor } from '../rng';
import { defineAttack } from './types';

const AMPLITUDE = 1e-3;

/** Free-rider (Lin et al. 2019): a tiny random update U(−1e-3, 1e-3) per coordinate instead of real training. */
export const freeRider = defineAttack({
  name: 'free-rider',
  label: 'Free-rider',
  help: 'Send a tiny random update U(−0.001, 0.001) per coordinate instead of training (Lin et al. 2019).',
  params: {},
  forge(own, clientId, { seed, round }) {
    const rng = rngFor(seed, 'attack-noise', round, clientId);
    const out = new Float32Array(own.length);
    for (let i = 0; i < out.length; i++) out[i] = AMPLITUDE * (2 * rng.float() - 1);
    return out;
  },
});
