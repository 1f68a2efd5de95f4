import { normalQuantile } from './normalQuantile';
import { coordinateMean, coordinateStd } from './stats';
import type { ModelAttack } from './types';

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

/** A Little Is Enough: mean(honest) + z · std(honest) per coordinate (std with ddof = 1). */
export const alie: ModelAttack = {
  omniscient: () => true,
  forge(_own, _clientId, { honest, attack, numUpdates, numMalicious }) {
    const z = attack.alieZ ?? alieZ(numUpdates, numMalicious);
    const mean = coordinateMean(honest);
    const std = coordinateStd(honest, mean);
    const out = new Float32Array(mean.length);
    for (let i = 0; i < out.length; i++) out[i] = mean[i] + z * std[i];
    return out;
  },
};
