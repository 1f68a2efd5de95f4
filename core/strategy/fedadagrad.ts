import { adaptivity, createFedOpt, type FedOptParams, type FedOptRule } from './fedopt';
import { serverLr } from './params';
import { defineStrategy, type Strategy } from './types';

/** FedAdagrad: v ← v + Δ². Flower defaults η = 0.1 and β₁ = 0 (m = Δ). */
export const fedAdagradRule: FedOptRule = {
  name: 'fedadagrad',
  defaultLr: 0.1,
  beta1: 0,
  secondMoment: (v, d2) => v + d2,
};

export const createFedAdagrad = (cfg: FedOptParams): Strategy => createFedOpt(fedAdagradRule, cfg);

export const fedadagrad = defineStrategy({
  name: 'fedadagrad',
  label: 'FedAdagrad',
  help: 'Adagrad on the aggregated update: v sums Δ², x ← x + η·Δ/(√v + τ) (Reddi et al. 2021; Flower FedAdagrad).',
  params: { serverLr, tau: adaptivity },
  unsetDefaults: { serverLr: fedAdagradRule.defaultLr },
  create: createFedAdagrad,
});
