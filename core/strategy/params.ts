// Parameters several strategies read, declared once: each strategy lists the same schema object (core/plugin.ts).
import { z } from 'zod';
import { param } from '../plugin';

/** Server learning rate η, optional: unset, each strategy applies its Flower default (its `unsetDefaults`). */
export const serverLr = param(z.number().min(1e-5).max(10).optional(), {
  label: 'Server learning rate η',
  help: 'Step size of the server update. Unset = the Flower default (FedAvgM 1.0, FedAdam 0.1, FedYogi 0.01, FedAdagrad 0.1).',
  log: true,
});
