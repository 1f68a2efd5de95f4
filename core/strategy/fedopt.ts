import type { StrategyName } from '../config/schema';
import type { Strategy, StrategyConfig } from './types';
import { checkSameSize } from './step';

/** What distinguishes FedAdam, FedYogi and FedAdagrad: the second-moment update and Flower's defaults. */
export interface FedOptRule {
  name: StrategyName;
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
export function createFedOpt(rule: FedOptRule, cfg: StrategyConfig): Strategy {
  const eta = cfg.serverLr ?? rule.defaultLr;
  const beta1 = rule.beta1 ?? cfg.beta1;
  const { beta2, tau } = cfg;
  const corrected = rule.biasCorrected === true && cfg.biasCorrection;
  let m: Float64Array | null = null;
  let v: Float64Array | null = null;
  return {
    name: rule.name,
    step(global, delta, round) {
      checkSameSize(global, delta);
      m ??= new Float64Array(delta.length);
      v ??= new Float64Array(delta.length);
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
