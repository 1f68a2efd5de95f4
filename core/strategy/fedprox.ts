import { z } from 'zod';
import { param } from '../plugin';
import { averageStep } from './fedavg';
import { defineStrategy, type Strategy } from './types';

/** FedProx (Li et al. 2020): the server step is FedAvg's; clients add the proximal term (its `clientTraining`). */
export function createFedProx(): Strategy {
  return { name: 'fedprox', step: averageStep };
}

export const fedprox = defineStrategy({
  name: 'fedprox',
  label: 'FedProx',
  help: 'FedAvg’s server step; each client adds (μ/2)‖w − w_global‖² to its loss (Li et al. 2020; Flower FedProx).',
  params: {
    proximalMu: param(z.number().min(0).max(10).default(0.01), {
      label: 'Proximal μ',
      help: 'FedProx: clients add (μ/2)‖w − w_global‖² to their loss, pulling them toward the global model.',
      step: 0.01,
    }),
  },
  clientTraining: ({ proximalMu }) => ({ proximalMu }),
  create: createFedProx,
});
