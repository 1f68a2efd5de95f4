import { z } from 'zod';
import { param } from '../plugin';
import { adaptivity, createFedOpt, firstMomentDecay, secondMomentDecay, type FedOptParams, type FedOptRule } from './fedopt';
import { serverLr } from './params';
import { defineStrategy, type Strategy } from './types';

/** FedAdam: v ← β₂v + (1−β₂)Δ². Flower default η = 0.1, and Flower's bias-corrected step. */
export const fedAdamRule: FedOptRule = {
  name: 'fedadam',
  defaultLr: 0.1,
  biasCorrected: true,
  secondMoment: (v, d2, beta2) => beta2 * v + (1 - beta2) * d2,
};

export const createFedAdam = (cfg: FedOptParams): Strategy => createFedOpt(fedAdamRule, cfg);

export const fedadam = defineStrategy({
  name: 'fedadam',
  label: 'FedAdam',
  help: 'Adam on the aggregated update as a pseudo-gradient: x ← x + η·m/(√v + τ) (Reddi et al. 2021; Flower FedAdam, bias-corrected).',
  params: {
    serverLr,
    beta1: firstMomentDecay,
    beta2: secondMomentDecay,
    tau: adaptivity,
    /**
     * Scale η by Flower's bias correction √(1−β₂ᵗ)/(1−β₁ᵗ), t = round + 1 (true, Flower), or take the uncorrected
     * step of Reddi et al. 2021 (false). FedYogi and FedAdagrad have none, as in Flower.
     */
    biasCorrection: param(z.boolean().default(true), {
      label: 'Bias correction',
      help: 'FedAdam: Flower’s bias-corrected step (default) or the paper’s uncorrected one.',
    }),
  },
  unsetDefaults: { serverLr: fedAdamRule.defaultLr },
  create: createFedAdam,
});
