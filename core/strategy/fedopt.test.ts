import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/schema';
import { createFedAdagrad } from './fedadagrad';
import { createFedAdam } from './fedadam';
import { createFedYogi } from './fedyogi';
import type { Strategy } from './types';

const f32 = (...v: number[]) => Float32Array.from(v);
const cfg = (name: string, extra: object = {}) => parseConfig({ strategy: { name, ...extra } }).strategy;
const tau = 1e-3;

/** Runs Δ₁ = (2, 2) then Δ₂ = (0.1, 1) from x₀ = (0, 0); returns x₁ and x₂. */
function twoRounds(s: Strategy): [number[], number[]] {
  const x1 = s.step(f32(0, 0), f32(2, 2));
  const x2 = s.step(x1, f32(0.1, 1));
  return [Array.from(x1), Array.from(x2)];
}

function expectClose(actual: number[], expected: number[]) {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => expect(a).toBeCloseTo(expected[i], 6));
}

describe('FedOpt family (β₁ = 0.9, β₂ = 0.99, τ = 1e-3)', () => {
  it('FedAdam, η = 0.1', () => {
    const [x1, x2] = twoRounds(createFedAdam(cfg('fedadam')));
    // r1: m = 0.1·2 = 0.2, v = 0.01·4 = 0.04 → step = 0.1·0.2/(0.2 + τ)
    const s1 = (0.1 * 0.2) / (0.2 + tau);
    expectClose(x1, [s1, s1]);
    // r2: m = 0.9·0.2 + 0.1·Δ = (0.19, 0.28); v = 0.99·0.04 + 0.01·Δ² = (0.0397, 0.0496)
    expectClose(x2, [s1 + (0.1 * 0.19) / (Math.sqrt(0.0397) + tau), s1 + (0.1 * 0.28) / (Math.sqrt(0.0496) + tau)]);
  });

  it('FedYogi, η = 0.01: v moves by (1−β₂)Δ² towards Δ²', () => {
    const [x1, x2] = twoRounds(createFedYogi(cfg('fedyogi')));
    // r1: v = 0 − 0.01·4·sign(0 − 4) = 0.04; m = 0.2
    const s1 = (0.01 * 0.2) / (0.2 + tau);
    expectClose(x1, [s1, s1]);
    // r2: Δ² = (0.01, 1). Coord 0: v > Δ² → v = 0.04 − 0.01·0.01 = 0.0399. Coord 1: v < Δ² → v = 0.04 + 0.01 = 0.05.
    expectClose(x2, [s1 + (0.01 * 0.19) / (Math.sqrt(0.0399) + tau), s1 + (0.01 * 0.28) / (Math.sqrt(0.05) + tau)]);
  });

  it('FedAdagrad, η = 0.1, β₁ = 0 as in Flower: m = Δ, v sums Δ²', () => {
    const [x1, x2] = twoRounds(createFedAdagrad(cfg('fedadagrad')));
    // r1: m = 2, v = 4
    const s1 = (0.1 * 2) / (2 + tau);
    expectClose(x1, [s1, s1]);
    // r2: m = Δ, v = (4.01, 5)
    expectClose(x2, [s1 + (0.1 * 0.1) / (Math.sqrt(4.01) + tau), s1 + (0.1 * 1) / (Math.sqrt(5) + tau)]);
  });

  it('FedAdam third round, with serverLr, beta1, beta2 and tau from the config', () => {
    const s = createFedAdam(cfg('fedadam', { serverLr: 1, beta1: 0.5, beta2: 0.5, tau: 0.5 }));
    let x = s.step(f32(1), f32(1)); // m = 0.5, v = 0.5 → x = 1 + 0.5/(√0.5 + 0.5)
    expect(x[0]).toBeCloseTo(1 + 0.5 / (Math.SQRT1_2 + 0.5), 6);
    x = s.step(x, f32(-1)); // m = 0.25 − 0.5 = −0.25, v = 0.25 + 0.5 = 0.75
    const x2 = 1 + 0.5 / (Math.SQRT1_2 + 0.5) - 0.25 / (Math.sqrt(0.75) + 0.5);
    expect(x[0]).toBeCloseTo(x2, 6);
    x = s.step(x, f32(0)); // m = −0.125, v = 0.375
    expect(x[0]).toBeCloseTo(x2 - 0.125 / (Math.sqrt(0.375) + 0.5), 6);
  });
});
