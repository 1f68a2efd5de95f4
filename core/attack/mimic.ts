import { z } from 'zod';
import { param } from '../plugin';
import { defineAttack } from './types';

/**
 * Mimic (Karimireddy et al. 2022, ByzFL's Mimic): every malicious client sends a copy of one honest update of the
 * round, the ε-th in client-id order (ByzFL: the ε-th honest worker, ε = 0 by default). Harmless-looking, it
 * over-represents one client's data under heterogeneity. A round with h ≤ ε honest updates copies the (ε mod h)-th
 * (ByzFL refuses ε ≥ h; with client sampling h changes from round to round).
 */
export const mimic = defineAttack({
  name: 'mimic',
  label: 'Mimic (omniscient)',
  help: 'Every malicious client copies one honest client’s update, over-representing its data (Karimireddy et al. 2022; ByzFL’s Mimic).',
  params: {
    mimicIndex: param(z.number().int().min(0).max(499).optional(), {
      label: 'Mimicked update ε',
      help: 'Copy the ε-th honest update of the round in client-id order (mod the number of honest updates).',
      defaultLabel: '0, the honest client with the lowest id (ByzFL)',
    }),
  },
  omniscient: () => true,
  forge(_own, _clientId, { honest, attack }) {
    return honest[(attack.mimicIndex ?? 0) % honest.length].slice();
  },
});
