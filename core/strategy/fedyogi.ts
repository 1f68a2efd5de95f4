import { adaptivity, createFedOpt, firstMomentDecay, secondMomentDecay, type FedOptParams, type FedOptRule } from './fedopt';
import { serverLr } from './params';
import { defineStrategy, type Strategy } from './types';

/** FedYogi: v ← v − (1−β₂)Δ²·sign(v − Δ²). Flower default η = 0.01. */
export const fedYogiRule: FedOptRule = {
  name: 'fedyogi',
  defaultLr: 0.01,
  secondMoment: (v, d2, beta2) => v - (1 - beta2) * d2 * Math.sign(v - d2),
};

export const createFedYogi = (cfg: FedOptParams): Strategy => createFedOpt(fedYogiRule, cfg);

export const fedyogi = defineStrategy({
  name: 'fedyogi',
  label: 'FedYogi',
  help: 'FedAdam with Yogi’s additive second moment, v ← v − (1−β₂)Δ²·sign(v − Δ²) (Reddi et al. 2021; Flower FedYogi).',
  params: { serverLr, beta1: firstMomentDecay, beta2: secondMomentDecay, tau: adaptivity },
  unsetDefaults: { serverLr: fedYogiRule.defaultLr },
  create: createFedYogi,
});
