import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/schema';
import { createFedAdagrad } from './fedadagrad';
import { createFedAdam } from './fedadam';
import { createFedYogi } from './fedyogi';
import type { Strategy } from './types';

const f32 = (...v: number[]) => Float32Array.from(v);
const cfg = (name: string, extra: object = {}) => parseConfig({ strategy: { name, ...extra } }).strategy;
const tau = 1e-3;

/** Runs Δ₁ = (2, 2) then Δ₂ = (0.1, 1) from x₀ = (0, 0) in rounds 1 and 2; returns x₁ and x₂. */
function twoRounds(s: Strategy): [number[], number[]] {
  const x1 = s.step(f32(0, 0), f32(2, 2), 1);
  const x2 = s.step(x1, f32(0.1, 1), 2);
  return [Array.from(x1), Array.from(x2)];
}

/** Runs Δ₁ = (1, −2), Δ₂ = (1, 1), Δ₃ = (−1, 3) from x₀ = (0, 0) in rounds 1–3; returns x₁, x₂ and x₃. */
function threeRounds(s: Strategy): number[][] {
  const xs: Float32Array[] = [f32(0, 0)];
  [f32(1, -2), f32(1, 1), f32(-1, 3)].forEach((d, i) => xs.push(s.step(xs[i], d, i + 1)));
  return xs.slice(1).map((x) => Array.from(x));
}

function expectClose(actual: number[], expected: number[]) {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => expect(a).toBeCloseTo(expected[i], 6));
}

describe('FedOpt family (β₁ = 0.9, β₂ = 0.99, τ = 1e-3)', () => {
  it('FedAdam by default takes Flower’s bias-corrected step, η_r = η·√(1−β₂^(r+1))/(1−β₁^(r+1)) (3 rounds by hand)', () => {
    const xs = threeRounds(createFedAdam(cfg('fedadam')));
    // The moments are not corrected: Δ = (1, −2), (1, 1), (−1, 3) gives
    //   m₁ = (0.1, −0.2)     v₁ = (0.01, 0.04)          √v₁ = (0.1, 0.2)
    //   m₂ = (0.19, −0.08)   v₂ = (0.0199, 0.0496)      √v₂ = (0.1410674, 0.2227106)
    //   m₃ = (0.071, 0.228)  v₃ = (0.029701, 0.139104)  √v₃ = (0.1723398, 0.3729665)
    // Flower's exponent is server_round + 1, so round r uses t = r + 1:
    //   η₁ = 0.1·√(1−0.99²)/(1−0.9²) = 0.1·0.1410674/0.19   = 0.07424598
    //   η₂ = 0.1·√(1−0.99³)/(1−0.9³) = 0.1·0.1723398/0.271  = 0.06359402
    //   η₃ = 0.1·√(1−0.99⁴)/(1−0.9⁴) = 0.1·0.1985044/0.3439 = 0.05772154
    // x₁ = η₁·(0.1/0.101, −0.2/0.201)                                  = (0.07351087, −0.07387660)
    // x₂ = x₁ + η₂·(0.19/0.1420674, −0.08/0.2237106)                    = (0.15856111, −0.09661813)
    // x₃ = x₂ + η₃·(0.071/0.1733398, 0.228/0.3739665)                   = (0.18220386, −0.06142644)
    expectClose(xs[0], [0.07351087, -0.0738766]);
    expectClose(xs[1], [0.15856111, -0.09661813]);
    expectClose(xs[2], [0.18220386, -0.06142644]);
  });

  it('FedAdam with biasCorrection: false takes the paper’s step η·m/(√v + τ): 1.35×, 1.57×, 1.73× Flower’s in rounds 1–3', () => {
    const xs = threeRounds(createFedAdam(cfg('fedadam', { biasCorrection: false })));
    // Same moments as above, η = 0.1 every round:
    // x₁ = 0.1·(0.1/0.101, −0.2/0.201)                    = (0.09900990, −0.09950249)
    // x₂ = x₁ + 0.1·(0.19/0.1420674, −0.08/0.2237106)     = (0.23274928, −0.13526298)
    // x₃ = x₂ + 0.1·(0.071/0.1733398, 0.228/0.3739665)    = (0.27370929, −0.07429495)
    expectClose(xs[0], [0.0990099, -0.09950249]);
    expectClose(xs[1], [0.23274928, -0.13526298]);
    expectClose(xs[2], [0.27370929, -0.07429495]);
    // Each round's step is 1/(η_r/η) times Flower's: 0.19/0.1410674, 0.271/0.1723398, 0.3439/0.1985044.
    const flower = threeRounds(createFedAdam(cfg('fedadam')));
    const step = (x: number[][], r: number) => x[r][0] - (r === 0 ? 0 : x[r - 1][0]);
    [1.3468743, 1.572475, 1.7324555].forEach((ratio, r) => expect(step(xs, r) / step(flower, r)).toBeCloseTo(ratio, 5));
  });

  it('FedAdam, η = 0.1, uncorrected: the numbers from before bias correction existed', () => {
    const [x1, x2] = twoRounds(createFedAdam(cfg('fedadam', { biasCorrection: false })));
    // r1: m = 0.1·2 = 0.2, v = 0.01·4 = 0.04 → step = 0.1·0.2/(0.2 + τ)
    const s1 = (0.1 * 0.2) / (0.2 + tau);
    expectClose(x1, [s1, s1]);
    // r2: m = 0.9·0.2 + 0.1·Δ = (0.19, 0.28); v = 0.99·0.04 + 0.01·Δ² = (0.0397, 0.0496)
    expectClose(x2, [s1 + (0.1 * 0.19) / (Math.sqrt(0.0397) + tau), s1 + (0.1 * 0.28) / (Math.sqrt(0.0496) + tau)]);
  });

  it('FedAdam’s correction follows the server round, which advances through rounds without an update (as in Flower)', () => {
    const s = createFedAdam(cfg('fedadam', { serverLr: 1, beta1: 0.5, beta2: 0.5, tau: 0.5 }));
    // Round 1: m = 0.5, v = 0.5; t = 2: η₁ = √(1 − 0.25)/(1 − 0.25) = 1/√0.75.
    const x1 = 1 + (0.5 / (Math.SQRT1_2 + 0.5)) / Math.sqrt(0.75);
    let x = s.step(f32(1), f32(1), 1);
    expect(x[0]).toBeCloseTo(x1, 6);
    // Round 2 had no update; round 3: m = 0.25 − 0.5 = −0.25, v = 0.25 + 0.5 = 0.75; t = 4: η₃ = √(15/16)/(15/16).
    x = s.step(x, f32(-1), 3);
    expect(x[0]).toBeCloseTo(x1 - (0.25 / (Math.sqrt(0.75) + 0.5)) * Math.sqrt(16 / 15), 6);
  });

  it('FedYogi, η = 0.01: v moves by (1−β₂)Δ² towards Δ²; no bias correction, as in Flower', () => {
    for (const biasCorrection of [true, false]) {
      const [x1, x2] = twoRounds(createFedYogi(cfg('fedyogi', { biasCorrection })));
      // r1: v = 0 − 0.01·4·sign(0 − 4) = 0.04; m = 0.2
      const s1 = (0.01 * 0.2) / (0.2 + tau);
      expectClose(x1, [s1, s1]);
      // r2: Δ² = (0.01, 1). Coord 0: v > Δ² → v = 0.04 − 0.01·0.01 = 0.0399. Coord 1: v < Δ² → v = 0.04 + 0.01 = 0.05.
      expectClose(x2, [s1 + (0.01 * 0.19) / (Math.sqrt(0.0399) + tau), s1 + (0.01 * 0.28) / (Math.sqrt(0.05) + tau)]);
    }
  });

  it('FedAdagrad, η = 0.1, β₁ = 0 as in Flower: m = Δ, v sums Δ²; no bias correction', () => {
    for (const biasCorrection of [true, false]) {
      const [x1, x2] = twoRounds(createFedAdagrad(cfg('fedadagrad', { biasCorrection })));
      // r1: m = 2, v = 4
      const s1 = (0.1 * 2) / (2 + tau);
      expectClose(x1, [s1, s1]);
      // r2: m = Δ, v = (4.01, 5)
      expectClose(x2, [s1 + (0.1 * 0.1) / (Math.sqrt(4.01) + tau), s1 + (0.1 * 1) / (Math.sqrt(5) + tau)]);
    }
  });

  it('FedAdam third round, uncorrected, with serverLr, beta1, beta2 and tau from the config', () => {
    const s = createFedAdam(cfg('fedadam', { serverLr: 1, beta1: 0.5, beta2: 0.5, tau: 0.5, biasCorrection: false }));
    let x = s.step(f32(1), f32(1), 1); // m = 0.5, v = 0.5 → x = 1 + 0.5/(√0.5 + 0.5)
    expect(x[0]).toBeCloseTo(1 + 0.5 / (Math.SQRT1_2 + 0.5), 6);
    x = s.step(x, f32(-1), 2); // m = 0.25 − 0.5 = −0.25, v = 0.25 + 0.5 = 0.75
    const x2 = 1 + 0.5 / (Math.SQRT1_2 + 0.5) - 0.25 / (Math.sqrt(0.75) + 0.5);
    expect(x[0]).toBeCloseTo(x2, 6);
    x = s.step(x, f32(0), 3); // m = −0.125, v = 0.375
    expect(x[0]).toBeCloseTo(x2 - 0.125 / (Math.sqrt(0.375) + 0.5), 6);
  });
});
