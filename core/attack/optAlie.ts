import { alieUpdate } from './alie';
import { lineSearchParams, optimalUpdate } from './lineSearch';
import { defineAttack } from './types';

/**
 * Optimal ALIE (ByzFL's Optimal_ALittleIsEnough, used in Allouah et al. 2023): mean(honest) + τ·std(honest), with τ
 * line-searched each round to push the configured aggregate farthest from the honest mean.
 */
export const optAlie = defineAttack({
  name: 'opt-alie',
  label: 'Optimal ALIE (omniscient, searched τ)',
  help: 'ALIE with the factor τ in mean + τ·std line-searched each round against the configured aggregator (ByzFL’s Optimal_ALittleIsEnough; Allouah et al. 2023).',
  params: lineSearchParams,
  unbounded: true,
  omniscient: () => true,
  forge: (_own, _clientId, ctx) => optimalUpdate('opt-alie', ctx, (tau) => alieUpdate(ctx.honest, tau)),
});
