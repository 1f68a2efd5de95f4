import { describe, expect, it } from 'vitest';
import { PrivacyAccountant, RDP_ORDERS, computeEpsilon, epsilonFromRdp, rdpSubsampledGaussian } from './rdp';

/** |actual − expected| ≤ rel·|expected| + abs. */
function expectRel(actual: number, expected: number, rel = 1e-9, abs = 0) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected) + abs);
}

const at = (orders: readonly number[], rdp: Float64Array, alpha: number) => rdp[orders.indexOf(alpha)];

describe('RDP_ORDERS', () => {
  it("are TF-Privacy compute_dp_sgd_privacy's 72 orders", () => {
    expect(RDP_ORDERS).toHaveLength(72);
    expect(RDP_ORDERS.slice(0, 11)).toEqual([1.25, 1.5, 1.75, 2, 2.25, 2.5, 3, 3.5, 4, 4.5, 5]);
    expect(RDP_ORDERS.slice(-4)).toEqual([63, 128, 256, 512]);
    expect(RDP_ORDERS.every((a, k) => k === 0 || a > RDP_ORDERS[k - 1])).toBe(true);
    expect(Object.isFrozen(RDP_ORDERS)).toBe(true);
  });
});

describe('rdpSubsampledGaussian (one step)', () => {
  it('q = 1 is the plain Gaussian mechanism, α/(2σ²) at every order', () => {
    const rdp = rdpSubsampledGaussian(1, 2);
    // σ = 2: α/8 — α = 1.25 → 0.15625, α = 2 → 0.25, α = 2.5 → 0.3125, α = 63 → 7.875, α = 512 → 64.
    expect(at(RDP_ORDERS, rdp, 1.25)).toBe(0.15625);
    expect(at(RDP_ORDERS, rdp, 2)).toBe(0.25);
    expect(at(RDP_ORDERS, rdp, 2.5)).toBe(0.3125);
    expect(at(RDP_ORDERS, rdp, 63)).toBe(7.875);
    expect(at(RDP_ORDERS, rdp, 512)).toBe(64);
    RDP_ORDERS.forEach((alpha, k) => expect(rdp[k]).toBe(alpha / 8));
  });

  it('α = 2 by hand: A = (1−q)² + 2q(1−q) + q²e^{1/σ²} = 1 + q²(e^{1/σ²} − 1), rdp = log A', () => {
    // q = 0.01, σ = 1: log(1 + 10⁻⁴·(e − 1)) = log(1.000171828…) = 1.7181342…e-4.
    for (const [q, sigma] of [[0.01, 1], [0.2, 0.8], [1e-4, 3]]) {
      const [rdp] = rdpSubsampledGaussian(q, sigma, [2]);
      expectRel(rdp, Math.log1p(q * q * Math.expm1(1 / sigma ** 2)), 1e-12, 1e-19); // the log-space sum cancels ~1e-20
    }
    expectRel(rdpSubsampledGaussian(0.01, 1, [2])[0], 1.7181342207453428e-4, 1e-12);
  });

  it('α = 3 by hand: A = (1−q)³ + 3q(1−q)² + 3q²(1−q)e^{1/σ²} + q³e^{3/σ²}, rdp = log(A)/2', () => {
    // The terms are C(3,i) qⁱ(1−q)^{3−i} e^{(i²−i)/(2σ²)} for i = 0…3: exponents 0, 0, 1/σ², 3/σ².
    const q = 0.1;
    const sigma = 0.7;
    const s2 = sigma * sigma;
    const a = (1 - q) ** 3 + 3 * q * (1 - q) ** 2 + 3 * q * q * (1 - q) * Math.exp(1 / s2) + q ** 3 * Math.exp(3 / s2);
    expectRel(rdpSubsampledGaussian(q, sigma, [3])[0], Math.log(a) / 2, 1e-12);
  });

  it("matches TF-Privacy's compute_rdp at integer and fractional orders", () => {
    // Reference values: TF-Privacy rdp_accountant.compute_rdp(q, σ, 1, orders) (scipy log_ndtr for log erfc). Its
    // log(1 − q) where we take log1p(−q) moves tiny values by ~1e-14, hence the absolute slack.
    const reference: [number, number, Record<number, number>][] = [
      [0.01, 1, {
        1.25: 0.00010539800476989044, 2.5: 0.00021757533233085147, 4.5: 0.00041492706734509965,
        8: 0.0008936439076060318, 10: 0.03827041889494867, 12: 0.9780117180253621, 20: 5.1524530196775,
        63: 26.820552875528232, 512: 251.38581773928394,
      }],
      [0.3, 0.7, {
        1.25: 0.18513140443768483, 2.5: 0.8327223364649239, 4.5: 3.0462994334709284, 8: 6.787298053281755,
        10: 8.866334099637122, 12: 10.931473082190406, 20: 19.14082347127882, 63: 63.062322565189554,
        512: 521.2426506763477,
      }],
      [0.001, 0.5, {
        1.25: 2.785725798705985e-5, 2.5: 8.365779783262867e-5, 4.5: 0.2641730932509208, 8: 8.105422539095557,
        10: 12.324716356686771, 12: 16.464266968383125, 20: 32.728678653703014, 63: 118.98082931329235,
        512: 1017.078726608926,
      }],
    ];
    for (const [q, sigma, values] of reference) {
      const orders = Object.keys(values).map(Number);
      const rdp = rdpSubsampledGaussian(q, sigma, orders);
      orders.forEach((alpha, k) => expectRel(rdp[k], values[alpha], 1e-9, 1e-12));
    }
  });

  it('the fractional series is continuous with the integer sums and RDP grows with α', () => {
    for (const [q, sigma] of [[0.01, 1], [0.1, 0.7], [0.3, 2], [0.001, 0.5]]) {
      // 2.999999 and 3.000001 go through the erfc series, 3 through the binomial sum.
      const [below, three, above] = rdpSubsampledGaussian(q, sigma, [2.999999, 3, 3.000001]);
      expectRel(below, three, 1e-5);
      expectRel(above, three, 1e-5);
      expect(below).toBeLessThan(three);
      expect(three).toBeLessThan(above);
      const [two, twoAndHalf] = rdpSubsampledGaussian(q, sigma, [2, 2.5]);
      expect(two).toBeLessThan(twoAndHalf);
      expect(twoAndHalf).toBeLessThan(three);
      const all = rdpSubsampledGaussian(q, sigma);
      expect(all.every((r, k) => k === 0 || r >= all[k - 1])).toBe(true);
    }
  });

  it('q = 0 costs nothing, σ = 0 (with q > 0) is not private', () => {
    expect(Array.from(rdpSubsampledGaussian(0, 1)).every((r) => r === 0)).toBe(true);
    expect(Array.from(rdpSubsampledGaussian(0, 0)).every((r) => r === 0)).toBe(true);
    expect(Array.from(rdpSubsampledGaussian(0.01, 0)).every((r) => r === Infinity)).toBe(true);
    expect(Array.from(rdpSubsampledGaussian(1, 0)).every((r) => r === Infinity)).toBe(true);
  });

  it('leaves out (∞) a fractional order whose series has not converged after 100,000 terms', () => {
    // q = ½, σ = 10⁵: the erfc factors stay ≈ 1 and the terms shrink only like i^−2.25.
    const [frac, integer] = rdpSubsampledGaussian(0.5, 1e5, [1.25, 2]);
    expect(frac).toBe(Infinity);
    expect(integer).toBeGreaterThan(0);
    expect(integer).toBeLessThan(1e-10);
  });

  it('rejects bad arguments', () => {
    expect(() => rdpSubsampledGaussian(-0.1, 1)).toThrow('the sampling rate q must be in [0, 1], got -0.1');
    expect(() => rdpSubsampledGaussian(2, 1)).toThrow('the sampling rate q must be in [0, 1], got 2');
    expect(() => rdpSubsampledGaussian(NaN, 1)).toThrow('got NaN');
    expect(() => rdpSubsampledGaussian(0.1, -1)).toThrow('the noise multiplier σ must be a finite number ≥ 0, got -1');
    expect(() => rdpSubsampledGaussian(0.1, Infinity)).toThrow('got Infinity');
    expect(() => rdpSubsampledGaussian(0.1, 1, [])).toThrow('needs at least one order');
    expect(() => rdpSubsampledGaussian(0.1, 1, [2, 1])).toThrow('every order α must be finite and > 1, got 1');
  });
});

describe('epsilonFromRdp', () => {
  it('is rdp + log1p(−1/α) − log(δα)/(α − 1), minimized over the orders', () => {
    // One order α = 2, rdp = 1, δ = 1e-5: 1 + log(1/2) − log(2·10⁻⁵) = 1 − 0.693147… + 10.819778… = 11.126631…
    expectRel(epsilonFromRdp([1], 1e-5, [2]).epsilon, 1 + Math.log(0.5) - Math.log(2e-5), 1e-15);
    // Two orders: the smaller ε wins and its order is returned.
    const twoOrders = epsilonFromRdp([1, 1], 1e-5, [2, 10]);
    expect(twoOrders.order).toBe(10);
    expectRel(twoOrders.epsilon, 1 + Math.log1p(-1 / 10) - Math.log(1e-4) / 9, 1e-15);
  });

  it("gives exactly 0 where TF-Privacy's KL branch applies (δ² + expm1(−rdp) ≥ 0)", () => {
    expect(epsilonFromRdp(new Float64Array(72), 1e-5)).toEqual({ epsilon: 0, order: 1.25 });
    expect(epsilonFromRdp(new Float64Array(72).fill(1e-11), 1e-5).epsilon).toBe(0); // 1e-11 < δ² = 1e-10
    expect(epsilonFromRdp(new Float64Array(72).fill(1e-9), 1e-5).epsilon).toBeGreaterThan(0);
    // Without that branch (Opacus's get_privacy_spent) zero RDP would still cost the conversion term alone,
    // min over α of log1p(−1/α) − log(δα)/(α − 1) ≈ 0.0084 at α = 512.
    const conversionOnly = Math.min(...RDP_ORDERS.map((a) => Math.log1p(-1 / a) - Math.log(1e-5 * a) / (a - 1)));
    expect(conversionOnly).toBeCloseTo(0.00837, 5);
  });

  it('orders ≤ 1.01 give ∞ (the bound is unstable there); all ∞ → ∞ at the first order', () => {
    expect(epsilonFromRdp([0.5], 1e-5, [1.005])).toEqual({ epsilon: Infinity, order: 1.005 });
    expect(epsilonFromRdp([Infinity, Infinity], 1e-5, [2, 3])).toEqual({ epsilon: Infinity, order: 2 });
  });

  it('rejects bad arguments', () => {
    expect(() => epsilonFromRdp([1, 2], 1e-5, [2])).toThrow('got 2 RDP values for 1 orders');
    expect(() => epsilonFromRdp([-1], 1e-5, [2])).toThrow('RDP values must be ≥ 0, got -1 at order α = 2');
    expect(() => epsilonFromRdp([NaN], 1e-5, [2])).toThrow('got NaN');
    expect(() => epsilonFromRdp([1], 0, [2])).toThrow('δ must be in (0, 1), got 0');
    expect(() => epsilonFromRdp([1], 1, [2])).toThrow('δ must be in (0, 1), got 1');
  });
});

describe('computeEpsilon', () => {
  it('reference point: q = 0.01, σ = 1, 1000 steps, δ = 1e-5 → ε ≈ 2.11 at α = 8', () => {
    const { epsilon, order } = computeEpsilon({ q: 0.01, noiseMultiplier: 1, steps: 1000, delta: 1e-5 });
    expect(Math.abs(epsilon - 2.11)).toBeLessThanOrEqual(0.01);
    expectRel(epsilon, 2.107753075451565, 1e-9); // TF-Privacy compute_rdp + get_privacy_spent
    expect(order).toBe(8);
  });

  it('matches TF-Privacy on a table of settings', () => {
    // [q, σ, T, δ, ε, best order] from TF-Privacy's compute_rdp and get_privacy_spent with RDP_ORDERS.
    const table: [number, number, number, number, number, number][] = [
      [0.01, 1.1, 10000, 1e-5, 5.638749942592472, 4.5],
      [256 / 60000, 1.1, 14062, 1e-5, 2.596981178595314, 8],
      [0.001, 1, 1000, 1e-5, 0.677825724599742, 13],
      [0.01, 2, 1000, 1e-5, 0.6861853363943068, 24],
      [0.01, 0.5, 1000, 1e-5, 15.472133418195583, 2],
      [0.1, 1, 100, 1e-5, 7.972921510380539, 3],
      [1, 1, 1, 1e-3, 3.542593538063626, 4.5],
      [0.05, 1, 500, 1e-6, 9.253966025505347, 3.5],
    ];
    for (const [q, noiseMultiplier, steps, delta, epsilon, order] of table) {
      const got = computeEpsilon({ q, noiseMultiplier, steps, delta });
      expectRel(got.epsilon, epsilon, 1e-9);
      expect(got.order).toBe(order);
    }
  });

  it('more steps → more ε, more noise → less ε, smaller q → less ε, smaller δ → more ε', () => {
    const eps = (q: number, noiseMultiplier: number, steps: number, delta = 1e-5) =>
      computeEpsilon({ q, noiseMultiplier, steps, delta }).epsilon;
    const increasing = (values: number[]) => values.every((v, k) => k === 0 || v > values[k - 1]);
    expect(increasing([1, 10, 100, 1000, 10000].map((t) => eps(0.01, 1, t)))).toBe(true);
    expect(increasing([4, 2, 1.5, 1, 0.8, 0.5].map((s) => eps(0.01, s, 1000)))).toBe(true);
    expect(increasing([0.0001, 0.001, 0.01, 0.1, 0.5, 1].map((q) => eps(q, 1, 1000)))).toBe(true);
    expect(increasing([1e-3, 1e-5, 1e-7, 1e-9].map((d) => eps(0.01, 1, 1000, d)))).toBe(true);
  });

  it('σ = 0 → ∞; q = 0 → 0; 0 steps → 0 (even at σ = 0)', () => {
    expect(computeEpsilon({ q: 0.01, noiseMultiplier: 0, steps: 10, delta: 1e-5 }).epsilon).toBe(Infinity);
    expect(computeEpsilon({ q: 0, noiseMultiplier: 1, steps: 1000, delta: 1e-5 })).toEqual({ epsilon: 0, order: 1.25 });
    expect(computeEpsilon({ q: 0.01, noiseMultiplier: 1, steps: 0, delta: 1e-5 }).epsilon).toBe(0);
    expect(computeEpsilon({ q: 0.01, noiseMultiplier: 0, steps: 0, delta: 1e-5 }).epsilon).toBe(0);
  });

  it('rejects bad arguments', () => {
    const ok = { q: 0.01, noiseMultiplier: 1, steps: 10, delta: 1e-5 };
    expect(() => computeEpsilon({ ...ok, steps: 1.5 })).toThrow('the number of steps must be a whole number ≥ 0, got 1.5');
    expect(() => computeEpsilon({ ...ok, steps: -1 })).toThrow('got -1');
    expect(() => computeEpsilon({ ...ok, delta: 0 })).toThrow('δ must be in (0, 1), got 0');
    expect(() => computeEpsilon({ ...ok, q: 1.5 })).toThrow('q must be in [0, 1]');
    expect(() => computeEpsilon({ ...ok, noiseMultiplier: -0.5 })).toThrow('σ must be a finite number ≥ 0');
  });
});

describe('PrivacyAccountant', () => {
  it('agrees with computeEpsilon as steps accumulate', () => {
    const accountant = new PrivacyAccountant(0.01, 1, 1e-5);
    expect(accountant.steps).toBe(0);
    expect(accountant.epsilon().epsilon).toBe(0);
    accountant.step();
    accountant.step(99);
    expect(accountant.steps).toBe(100);
    expect(accountant.epsilon()).toEqual(computeEpsilon({ q: 0.01, noiseMultiplier: 1, steps: 100, delta: 1e-5 }));
    accountant.step(900);
    expect(accountant.epsilon()).toEqual(computeEpsilon({ q: 0.01, noiseMultiplier: 1, steps: 1000, delta: 1e-5 }));
    expect(Math.abs(accountant.epsilon().epsilon - 2.11)).toBeLessThanOrEqual(0.01);
  });

  it('per-round ε grows with every round', () => {
    const accountant = new PrivacyAccountant(0.05, 1.2, 1e-5);
    let previous = 0;
    for (let round = 1; round <= 200; round++) {
      accountant.step();
      const { epsilon } = accountant.epsilon();
      expect(epsilon).toBeGreaterThan(previous);
      previous = epsilon;
    }
  });

  it('σ = 0 is ∞ once a step is taken', () => {
    const accountant = new PrivacyAccountant(0.1, 0, 1e-5);
    expect(accountant.epsilon().epsilon).toBe(0);
    accountant.step();
    expect(accountant.epsilon().epsilon).toBe(Infinity);
  });

  it('rejects bad arguments', () => {
    expect(() => new PrivacyAccountant(1.1, 1, 1e-5)).toThrow('q must be in [0, 1]');
    expect(() => new PrivacyAccountant(0.1, -1, 1e-5)).toThrow('σ must be a finite number ≥ 0');
    expect(() => new PrivacyAccountant(0.1, 1, 2)).toThrow('δ must be in (0, 1), got 2');
    const accountant = new PrivacyAccountant(0.1, 1, 1e-5);
    expect(() => accountant.step(0.5)).toThrow('whole number ≥ 0, got 0.5');
    expect(() => accountant.step(-1)).toThrow('got -1');
    expect(accountant.steps).toBe(0);
  });
});
