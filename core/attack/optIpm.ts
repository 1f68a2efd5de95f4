import { lineSearchParams, optimalUpdate } from './lineSearch';
import { coordinateMean, scaled } from './stats';
import { defineAttack } from './types';

/**
 * Optimal IPM (ByzFL's Optimal_InnerProductManipulation, used in Allouah et al. 2023): −τ·mean(honest), with τ
 * line-searched each round to push the configured aggregate farthest from the honest mean.
 */
export const optIpm = defineAttack({
  name: 'opt-ipm',
  label: 'Optimal IPM (omniscient, searched τ)',
  help: 'IPM with the factor τ in −τ·mean line-searched each round against the configured aggregator (ByzFL’s Optimal_InnerProductManipulation; Allouah et al. 2023).',
  params: lineSearchParams,
  unbounded: true,
  omniscient: () => true,
  forge(_own, _clientId, ctx) {
    const mean = coordinateMean(ctx.honest);
    return optimalUpdate('opt-ipm', ctx, (tau) => scaled(mean, -tau));
  },
});
