import type { StrategyName } from '../config/schema';
import type { Strategy, StrategyConfig } from './types';
import { checkSameSize } from './step';

/** What distinguishes FedAdam, FedYogi and FedAdagrad: the second-moment update and Flower's defaults. */
export interface FedOptRule {
  name: StrategyName;
  defaultLr: number;
  /** Fixed β₁ overriding strategy.beta1 (Flower's FedAdagrad uses 0: no first-moment averaging). */
  beta1?: number;
  /** v_t from v_{t−1} and Δ² (one coordinate). */
  secondMoment(v: number, deltaSquared: number, beta2: number): number;
}

/**
 * Adaptive federated optimization (Reddi et al. 2021, Algorithm 2), moments starting at 0 as in Flower:
 * m ← β₁m + (1−β₁)Δ; v ← rule(v, Δ²); x ← x + η·m/(√v + τ). τ defaults to 1e-3 (Flower's current API; its legacy
 * API used 1e-9). No Adam bias correction: we follow the paper's formula (Flower's FedAdam rescales η by it).
 */
export function createFedOpt(rule: FedOptRule, cfg: StrategyConfig): Strategy {
  const eta = cfg.serverLr ?? rule.defaultLr;
  const beta1 = rule.beta1 ?? cfg.beta1;
  const { beta2, tau } = cfg;
  let m: Float64Array | null = null;
  let v: Float64Array | null = null;
  return {
    name: rule.name,
    step(global, delta) {
      checkSameSize(global, delta);
      m ??= new Float64Array(delta.length);
      v ??= new Float64Array(delta.length);
      const out = new Float32Array(global.length);
      for (let i = 0; i < out.length; i++) {
        const d = delta[i];
        m[i] = beta1 * m[i] + (1 - beta1) * d;
        v[i] = rule.secondMoment(v[i], d * d, beta2);
        out[i] = global[i] + (eta * m[i]) / (Math.sqrt(v[i]) + tau);
      }
      return out;
    },
  };
}
