import { averageStep } from './fedavg';
import type { Strategy } from './types';

/**
 * FedProx (Li et al. 2020): the server step is FedAvg's; clients add (μ/2)‖w − w_global‖² to their loss with
 * μ = strategy.proximalMu (the client runtime reads it from the config).
 */
export function createFedProx(): Strategy {
  return { name: 'fedprox', step: averageStep };
}
