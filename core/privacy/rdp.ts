// Rényi-DP accountant of the Poisson-subsampled Gaussian mechanism (Mironov, Talwar, Zhang 2019, arXiv:1908.10530),
// computed as TF-Privacy's rdp_accountant.py does (compute_rdp, _compute_log_a_int, _compute_log_a_frac, _compute_eps;
// Opacus's opacus/accountants/analysis/rdp.py computes the same RDP). Pure TypeScript: runs in the browser and in Node.

/**
 * The RDP orders α of TF-Privacy's compute_dp_sgd_privacy: 1.25, 1.5, 1.75, 2, 2.25, 2.5, 3, 3.5, 4, 4.5, then every
 * integer 5…63, then 128, 256, 512 (72 orders).
 */
export const RDP_ORDERS: readonly number[] = Object.freeze([
  1.25, 1.5, 1.75, 2, 2.25, 2.5, 3, 3.5, 4, 4.5,
  ...Array.from({ length: 59 }, (_, k) => k + 5),
  128, 256, 512,
]);

/** The fractional-order series stops once its terms fall below e^−30, as in TF-Privacy's `_compute_log_a_frac`. */
const FRAC_TERM_CUTOFF = -30;
/**
 * A guard TF-Privacy lacks (Google's dp_accounting caps the loop too, at 1000 terms): when the erfc factors stay near 1
 * (q near ½, large σ) the terms shrink only like i^−(α+1), so past this many terms the order counts as ∞ (left out of
 * the minimum) instead of hanging the page. At RDP_ORDERS only q ≈ ½ with σ of order 10⁵ gets there.
 */
const MAX_FRAC_TERMS = 100_000;

// ---- log-space arithmetic (TF-Privacy `_log_add`, `_log_sub`) ----

/** log(eˣ + eʸ). */
function logAdd(x: number, y: number): number {
  const hi = Math.max(x, y);
  const lo = Math.min(x, y);
  return lo === -Infinity ? hi : hi + Math.log1p(Math.exp(lo - hi));
}

/** log(eˣ − eʸ), which must be ≥ 0. */
function logSub(x: number, y: number): number {
  if (x < y) throw new Error(`RDP series: log-space subtraction went negative (${x} < ${y})`);
  if (y === -Infinity) return x;
  return x === y ? -Infinity : x + Math.log(-Math.expm1(y - x));
}

// ---- log erfc (the role of TF-Privacy's `_log_erfc` = log 2 + scipy's log_ndtr(−x√2)) ----
// W. J. Cody, "Rational Chebyshev approximations for the error function", Math. Comp. 23 (1969) 631–637, with the
// coefficients of CALERF (Netlib SPECFUN). Its erfc forms are exp(−x²)·R(x), so the log never underflows.
const ERF_A = [3.16112374387056560e0, 1.13864154151050156e2, 3.77485237685302021e2, 3.20937758913846947e3, 1.85777706184603153e-1];
const ERF_B = [2.36012909523441209e1, 2.44024637934444173e2, 1.28261652607737228e3, 2.84423683343917062e3];
const ERFC_C = [
  5.64188496988670089e-1, 8.88314979438837594e0, 6.61191906371416295e1, 2.98635138197400131e2, 8.81952221241769090e2,
  1.71204761263407058e3, 2.05107837782607147e3, 1.23033935479799725e3, 2.15311535474403846e-8,
];
const ERFC_D = [
  1.57449261107098347e1, 1.17693950891312499e2, 5.37181101862009858e2, 1.62138957456669019e3, 3.29079923573345963e3,
  4.36261909014324716e3, 3.43936767414372164e3, 1.23033935480374942e3,
];
const ERFC_P = [
  3.05326634961232344e-1, 3.60344899949804439e-1, 1.25781726111229246e-1, 1.60837851487422766e-2,
  6.58749161529837803e-4, 1.63153871373020978e-2,
];
const ERFC_Q = [2.56852019228982242e0, 1.87295284992346047e0, 5.27905102951428412e-1, 6.05183413124413191e-2, 2.33520497626869185e-3];
const INV_SQRT_PI = 5.6418958354775628695e-1;

/** log erfc(x) for every real x, accurate in the far tail where erfc itself underflows. */
function logErfc(x: number): number {
  const y = Math.abs(x);
  if (y <= 0.46875) {
    const z = y * y;
    const erf =
      (x * ((((ERF_A[4] * z + ERF_A[0]) * z + ERF_A[1]) * z + ERF_A[2]) * z + ERF_A[3])) /
      ((((z + ERF_B[0]) * z + ERF_B[1]) * z + ERF_B[2]) * z + ERF_B[3]);
    return Math.log1p(-erf);
  }
  const tail = logErfcAbove(y);
  return x > 0 ? tail : Math.log(2 - Math.exp(tail)); // erfc(−y) = 2 − erfc(y)
}

/** log erfc(y) for y > 0.46875: Cody's rational forms in y (up to 4) and in 1/y² (beyond). */
function logErfcAbove(y: number): number {
  if (y <= 4) {
    let num = ERFC_C[8] * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + ERFC_C[i]) * y;
      den = (den + ERFC_D[i]) * y;
    }
    return -y * y + Math.log((num + ERFC_C[7]) / (den + ERFC_D[7]));
  }
  const z = 1 / (y * y);
  let num = ERFC_P[5] * z;
  let den = z;
  for (let i = 0; i < 4; i++) {
    num = (num + ERFC_P[i]) * z;
    den = (den + ERFC_Q[i]) * z;
  }
  const r = (z * (num + ERFC_P[4])) / (den + ERFC_Q[4]);
  return -y * y + Math.log((INV_SQRT_PI - r) / y);
}

// ---- log A_α (Mironov et al. 2019, Sec. 3.3), 0 < q < 1, σ > 0 ----

/**
 * Integer α (TF-Privacy `_compute_log_a_int`): A_α = Σ_{i=0..α} C(α,i) qⁱ (1−q)^(α−i) exp((i² − i)/(2σ²)),
 * summed in log space; log C(α,i) is built up term by term as C(α,i) = C(α,i−1)·(α−i+1)/i.
 */
function logAInt(q: number, sigma: number, alpha: number): number {
  const logQ = Math.log(q);
  const log1mQ = Math.log1p(-q);
  const inv2s2 = 1 / (2 * sigma * sigma);
  let logA = -Infinity;
  let logCoef = 0;
  for (let i = 0; i <= alpha; i++) {
    if (i > 0) logCoef += Math.log((alpha - i + 1) / i);
    logA = logAdd(logA, logCoef + i * logQ + (alpha - i) * log1mQ + (i * i - i) * inv2s2);
  }
  return logA;
}

/**
 * Fractional α (TF-Privacy `_compute_log_a_frac`): A_α splits at z₀ = σ² log(1/q − 1) + ½ into two series,
 *   A₀ = Σᵢ C(α,i) qⁱ (1−q)^(α−i) e^((i²−i)/(2σ²)) · ½ erfc((i − z₀)/(√2 σ)),
 *   A₁ = Σᵢ C(α,i) q^(α−i) (1−q)ⁱ e^((j²−j)/(2σ²)) · ½ erfc((z₀ − j)/(√2 σ)),  j = α − i,
 * with the generalized binomial C(α,i) (its sign alternates once i > α), until both terms are below e^−30.
 */
function logAFrac(q: number, sigma: number, alpha: number): number {
  const logQ = Math.log(q);
  const log1mQ = Math.log1p(-q);
  const inv2s2 = 1 / (2 * sigma * sigma);
  const sqrt2Sigma = Math.SQRT2 * sigma;
  const z0 = sigma * sigma * (log1mQ - logQ) + 0.5;
  let logA0 = -Infinity;
  let logA1 = -Infinity;
  let logCoef = 0; // log |C(α, i)|
  let positive = true; // sign of C(α, i)
  for (let i = 0; i < MAX_FRAC_TERMS; i++) {
    if (i > 0) {
      const factor = (alpha - i + 1) / i;
      logCoef += Math.log(Math.abs(factor));
      if (factor < 0) positive = !positive;
    }
    const j = alpha - i;
    const logS0 = logCoef + i * logQ + j * log1mQ + (i * i - i) * inv2s2 + logErfc((i - z0) / sqrt2Sigma) - Math.LN2;
    const logS1 = logCoef + j * logQ + i * log1mQ + (j * j - j) * inv2s2 + logErfc((z0 - j) / sqrt2Sigma) - Math.LN2;
    if (positive) {
      logA0 = logAdd(logA0, logS0);
      logA1 = logAdd(logA1, logS1);
    } else {
      logA0 = logSub(logA0, logS0);
      logA1 = logSub(logA1, logS1);
    }
    if (Math.max(logS0, logS1) < FRAC_TERM_CUTOFF) return logAdd(logA0, logA1);
  }
  return Infinity;
}

// ---- argument checks ----

function checkRate(q: number): void {
  if (!(q >= 0 && q <= 1)) throw new Error(`RDP accountant: the sampling rate q must be in [0, 1], got ${q}`);
}

function checkNoise(noiseMultiplier: number): void {
  if (!(noiseMultiplier >= 0 && Number.isFinite(noiseMultiplier))) {
    throw new Error(`RDP accountant: the noise multiplier σ must be a finite number ≥ 0, got ${noiseMultiplier}`);
  }
}

function checkSteps(steps: number): void {
  if (!(Number.isSafeInteger(steps) && steps >= 0)) {
    throw new Error(`RDP accountant: the number of steps must be a whole number ≥ 0, got ${steps}`);
  }
}

function checkDelta(delta: number): void {
  if (!(delta > 0 && delta < 1)) throw new Error(`RDP accountant: δ must be in (0, 1), got ${delta}`);
}

function checkOrders(orders: readonly number[]): void {
  if (orders.length === 0) throw new Error('RDP accountant: needs at least one order α');
  for (const alpha of orders) {
    if (!(alpha > 1 && Number.isFinite(alpha))) throw new Error(`RDP accountant: every order α must be finite and > 1, got ${alpha}`);
  }
}

// ---- public API ----

/**
 * RDP ε(α) of ONE step of the Poisson-subsampled Gaussian mechanism (sampling rate q, noise std σ·sensitivity) at each
 * order (TF-Privacy `compute_rdp` with steps = 1), checked in this order: q = 0 → 0 (whatever σ); σ = 0 → ∞;
 * q = 1 → α/(2σ²); else log A_α/(α − 1).
 * RDP composes by addition, so T steps cost T times this vector.
 */
export function rdpSubsampledGaussian(q: number, noiseMultiplier: number, orders: readonly number[] = RDP_ORDERS): Float64Array {
  checkRate(q);
  checkNoise(noiseMultiplier);
  checkOrders(orders);
  const sigma = noiseMultiplier;
  return Float64Array.from(orders, (alpha) => {
    if (q === 0) return 0;
    if (sigma === 0) return Infinity;
    if (q === 1) return alpha / (2 * sigma * sigma);
    return (Number.isInteger(alpha) ? logAInt(q, sigma, alpha) : logAFrac(q, sigma, alpha)) / (alpha - 1);
  });
}

/**
 * (ε, δ)-DP from RDP values (already multiplied by the number of steps), as TF-Privacy's `_compute_eps`: at each order
 *   ε(α) = rdp(α) + log1p(−1/α) − log(δ·α)/(α − 1)
 * (Canonne, Kamath, Steinke 2020, arXiv:2004.00010 Prop. 12; Balle et al. 2020, arXiv:1905.09982 Thm. 21), except
 * ε(α) = 0 when δ² + expm1(−rdp) ≥ 0 (then the KL bound δ ≤ √(1 − e^−rdp) already holds; this is what makes q = 0 or
 * 0 steps give exactly 0) and ε(α) = ∞ for α ≤ 1.01 (unstable there). Returns the minimum, clamped at ≥ 0, and the
 * first order attaining it.
 */
export function epsilonFromRdp(
  rdp: ArrayLike<number>,
  delta: number,
  orders: readonly number[] = RDP_ORDERS,
): { epsilon: number; order: number } {
  checkDelta(delta);
  checkOrders(orders);
  if (rdp.length !== orders.length) {
    throw new Error(`RDP accountant: got ${rdp.length} RDP values for ${orders.length} orders`);
  }
  let best = { epsilon: Infinity, order: orders[0] };
  for (let k = 0; k < orders.length; k++) {
    const alpha = orders[k];
    const r = rdp[k];
    if (!(r >= 0)) throw new Error(`RDP accountant: RDP values must be ≥ 0, got ${r} at order α = ${alpha}`);
    let epsilon = Infinity;
    if (delta * delta + Math.expm1(-r) >= 0) epsilon = 0;
    else if (alpha > 1.01) epsilon = r + Math.log1p(-1 / alpha) - Math.log(delta * alpha) / (alpha - 1);
    if (epsilon < best.epsilon) best = { epsilon, order: alpha };
  }
  return { epsilon: Math.max(0, best.epsilon), order: best.order };
}

/** ε at δ after `steps` steps of the subsampled Gaussian mechanism, and the best RDP order (over RDP_ORDERS). */
export function computeEpsilon(p: { q: number; noiseMultiplier: number; steps: number; delta: number }): {
  epsilon: number;
  order: number;
} {
  checkSteps(p.steps);
  checkDelta(p.delta);
  return epsilonFromRdp(composeSteps(rdpSubsampledGaussian(p.q, p.noiseMultiplier), p.steps), p.delta);
}

/** T-fold composition of a one-step RDP vector into `out`; 0 steps cost nothing, even at σ = 0 (∞ · 0). */
function composeSteps(
  oneStep: Float64Array,
  steps: number,
  out: Float64Array = new Float64Array(oneStep.length),
): Float64Array {
  for (let k = 0; k < oneStep.length; k++) out[k] = steps === 0 ? 0 : oneStep[k] * steps;
  return out;
}

/**
 * A running accountant for one mechanism (fixed q, σ, δ): the one-step RDP vector is computed once, so `epsilon()`
 * after each round costs one pass over the 72 orders.
 */
export class PrivacyAccountant {
  private readonly oneStep: Float64Array;
  private readonly composed: Float64Array;
  private count = 0;

  constructor(
    readonly q: number,
    readonly noiseMultiplier: number,
    readonly delta: number,
  ) {
    checkDelta(delta);
    this.oneStep = rdpSubsampledGaussian(q, noiseMultiplier);
    this.composed = new Float64Array(this.oneStep.length);
  }

  /** Records `count` more steps of the mechanism. */
  step(count = 1): void {
    checkSteps(count);
    checkSteps(this.count + count);
    this.count += count;
  }

  get steps(): number {
    return this.count;
  }

  /** ε spent so far at this accountant's δ, and the best order. */
  epsilon(): { epsilon: number; order: number } {
    return epsilonFromRdp(composeSteps(this.oneStep, this.count, this.composed), this.delta);
  }
}
