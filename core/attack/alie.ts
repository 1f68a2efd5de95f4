import { z } from 'zod';
import { param } from '../plugin';
import { normalQuantile } from './normalQuantile';
import { coordinateMean, coordinateStd } from './stats';
import { defineAttack } from './types';

/** alieZ's formula, as the studio names the default z: n − f − s = n − ⌊n/2 + 1⌋. */
export const ALIE_Z_DEFAULT_LABEL = 'Φ⁻¹((n − ⌊n/2 + 1⌋)/(n − f))';

/**
 * ALIE's z for n updates of which f are malicious (Baruch et al. 2019): s = floor(n/2 + 1) − f,
 * z = Φ⁻¹((n − f − s)/(n − f)). s is kept ≥ 1 and the probability inside (0, 1) so a round with many attackers
 * still gets a finite z.
 */
export function alieZ(n: number, f: number): number {
  const s = Math.max(1, Math.floor(n / 2 + 1) - f);
  const p = (n - f - s) / (n - f);
  return normalQuantile(Math.min(1 - 1e-6, Math.max(1e-6, p)));
}

/** mean(honest) + z · std(honest) per coordinate (std with ddof = 1, as ByzFL). */
export function alieUpdate(honest: readonly Float32Array[], z: number): Float32Array {
  const mean = coordinateMean(honest);
  const std = coordinateStd(honest, mean);
  const out = new Float32Array(mean.length);
  for (let i = 0; i < out.length; i++) out[i] = mean[i] + z * std[i];
  return out;
}

/** A Little Is Enough: mean(honest) + z · std(honest) per coordinate. */
export const alie = defineAttack({
  name: 'alie',
  label: 'A Little Is Enough (omniscient)',
  help: 'Send the honest mean plus z standard deviations per coordinate, small enough to pass robust rules (Baruch et al. 2019; ByzFL’s ALittleIsEnough).',
  params: {
    alieZ: param(z.number().min(-10).max(10).optional(), {
      label: 'ALIE z',
      help: 'Update = mean + z · std of the honest updates; unset: Baruch et al.’s z for n updates, f of them malicious.',
      step: 0.01,
      defaultLabel: ALIE_Z_DEFAULT_LABEL,
    }),
  },
  unbounded: true,
  omniscient: () => true,
  forge(_own, _clientId, { honest, attack, numUpdates, numMalicious }) {
    return alieUpdate(honest, attack.alieZ ?? alieZ(numUpdates, numMalicious));
  },
});
