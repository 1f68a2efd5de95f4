import { z } from 'zod';
import { param } from '../plugin';
import { checkSameSize } from './step';
import type { Strategy } from './types';

// The FedOpt family's parameters, each listed by the strategies that read it (FedAdagrad fixes β₁ = 0 and has no β₂).
export const firstMomentDecay = param(z.number().min(0).max(0.999).default(0.9), {
  label: 'β₁',
  help: 'FedAdam/FedYogi first-moment decay (Reddi et al. 2021; FedAdagrad uses none).',
  step: 0.01,
});
export const secondMomentDecay = param(z.number().min(0).max(0.9999).default(0.99), {
  label: 'β₂',
  help: 'FedAdam/FedYogi second-moment decay.',
  step: 0.001,
});
/** τ: Flower's current API default 1e-3. */
export const adaptivity = param(z.number().min(1e-12).max(1).default(1e-3), {
  label: 'τ (adaptivity)',
  help: 'FedOpt denominator offset: x ← x + η·m/(√v + τ).',
  log: true,
});

/** What a FedOpt strategy reads: η and τ always, β₁ and β₂ unless its rule fixes or ignores them, the correction if it has one. */
export interface FedOptParams {
  serverLr?: number;
  tau: number;
  beta1?: number;
  beta2?: number;
  biasCorrection?: boolean;
}

/** What distinguishes FedAdam, FedYogi and FedAdagrad: the second-moment update and Flower's defaults. */
export interface FedOptRule {
  name: string;
  defaultLr: number;
  /** Fixed β₁ overriding strategy.beta1 (Flower's FedAdagrad uses 0: no first-moment averaging). */
  beta1?: number;
  /** Flower scales this rule's step by Adam's bias correction (FedAdam only); strategy.biasCorrection = false drops it. */
  biasCorrected?: boolean;
  /** v_t from v_{t−1} and Δ² (one coordinate). */
  secondMoment(v: number, deltaSquared: number, beta2: number): number;
}

/**
 * Flower's bias correction of the server step in `round` (counted from 1): √(1−β₂ᵗ)/(1−β₁ᵗ) with t = round + 1,
 * applied to η only, not to the moments. Only Flower's FedAdam has it (flwr/server/strategy/fedadam.py `aggregate_fit`,
 * flwr/serverapp/strategy/fedadam.py `aggregate_train`: exponent server_round + 1.0); its FedYogi and FedAdagrad do not.
 */
function flowerBiasCorrection(beta1: number, beta2: number, round: number): number {
  const t = round + 1;
  return Math.sqrt(1 - beta2 ** t) / (1 - beta1 ** t);
}

/**
 * Adaptive federated optimization (Reddi et al. 2021, Algorithm 2), moments starting at 0 as in Flower:
 * m ← β₁m + (1−β₁)Δ; v ← rule(v, Δ²); x ← x + η·m/(√v + τ), with η bias-corrected as Flower's FedAdam unless
 * strategy.biasCorrection is false (the paper's form). τ defaults to 1e-3 (Flower's current API; its legacy API used
 * 1e-9 for FedAdam and FedAdagrad, 1e-3 for FedYogi).
 */
export function createFedOpt(rule: FedOptRule, cfg: FedOptParams): Strategy {
  const eta = cfg.serverLr ?? rule.defaultLr;
  const beta1 = rule.beta1 ?? cfg.beta1;
  if (beta1 === undefined) throw new Error(`${rule.name} needs strategy.beta1`);
  // FedAdagrad's second moment ignores β₂ and it has no bias correction, so it does not read β₂.
  const { beta2 = 0, tau } = cfg;
  const corrected = rule.biasCorrected === true && cfg.biasCorrection === true;
  const state: { m: Float64Array | null; v: Float64Array | null } = { m: null, v: null };
  return {
    name: rule.name,
    state,
    step(global, delta, round) {
      checkSameSize(global, delta);
      const m = (state.m ??= new Float64Array(delta.length));
      const v = (state.v ??= new Float64Array(delta.length));
      const lr = corrected ? eta * flowerBiasCorrection(beta1, beta2, round) : eta;
      const out = new Float32Array(global.length);
      for (let i = 0; i < out.length; i++) {
        const d = delta[i];
        m[i] = beta1 * m[i] + (1 - beta1) * d;
        v[i] = rule.secondMoment(v[i], d * d, beta2);
        out[i] = global[i] + (lr * m[i]) / (Math.sqrt(v[i]) + tau);
      }
      return out;
    },
  };
}
