import { describe, expect, it } from 'vitest';
import { clippedCountStddev } from '../config/derived';
import { configAtRound } from '../config/schedule';
import { parseConfig, type ExperimentConfigInput } from '../config/schema';
import { Rng, rngFor } from '../rng';
import { CentralDp, initialClipNorm, updateNoiseMultiplier } from './centralDp';
import { clipToNorm } from './clip';
import { PrivacyLedger, privacyPlan } from './ledger';
import { gaussianMechanismStd, localDpUpdate } from './localDp';
import { computeEpsilon } from './rdp';

const norm = (v: ArrayLike<number>) => Math.sqrt(Array.from(v).reduce((s, x) => s + x * x, 0));
const config = (privacy: ExperimentConfigInput['privacy'], seed = 1) =>
  parseConfig({ seed, partition: { numClients: 100 }, sampling: { fraction: 0.1 }, privacy });

describe('clipping', () => {
  it('scales to norm ≤ S and leaves short updates alone', () => {
    const { clipped, norm: n } = clipToNorm(Float32Array.of(3, 4), 1);
    expect(n).toBe(5);
    expect(Array.from(clipped)).toEqual([Float32Array.of(0.6)[0], Float32Array.of(0.8)[0]]);
    expect(Array.from(clipToNorm(Float32Array.of(0.3, 0.4), 1).clipped)).toEqual(Array.from(Float32Array.of(0.3, 0.4)));
    const rng = new Rng(1, 'test');
    for (let t = 0; t < 50; t++) {
      const v = Float32Array.from({ length: 100 }, () => 10 * rng.normal());
      expect(norm(clipToNorm(v, 0.7).clipped)).toBeLessThanOrEqual(0.7 * (1 + 1e-6));
    }
  });
});

describe('central DP (DP-FedAvg)', () => {
  it('noise std on the average is z·S/m', () => {
    // m = 10 clients per round (100 × 0.1), S = 2, z = 1.5 → std 0.3 per coordinate.
    const dp = new CentralDp(config({ mode: 'central', clipNorm: 2, noiseMultiplier: 1.5 }));
    const d = 20_000;
    const average = dp.noisyAverage(1, new Float64Array(d), 0);
    const mean = average.reduce((s, x) => s + x, 0) / d;
    const std = Math.sqrt(average.reduce((s, x) => s + (x - mean) ** 2, 0) / d);
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(std).toBeCloseTo(0.3, 2);
  });

  it('divides the sum by the expected clients per round and is seeded per round', () => {
    const cfg = config({ mode: 'central', clipNorm: 1, noiseMultiplier: 0 });
    const sum = Float64Array.of(5, -2);
    expect(Array.from(new CentralDp(cfg).noisyAverage(1, sum, 0))).toEqual([0.5, Float32Array.of(-0.2)[0]]);
    const noisy = config({ mode: 'central', noiseMultiplier: 1 });
    const a = new CentralDp(noisy).noisyAverage(3, sum, 0);
    expect(Array.from(new CentralDp(noisy).noisyAverage(3, sum, 0))).toEqual(Array.from(a));
    expect(Array.from(new CentralDp(noisy).noisyAverage(4, sum, 0))).not.toEqual(Array.from(a));
  });

  it('clients clip to the current norm and report the centred unclipped bit', () => {
    const dp = new CentralDp(config({ mode: 'central', clipNorm: 1 }));
    expect(dp.clip(Float32Array.of(3, 4)).unclippedBit).toBe(-0.5);
    expect(dp.clip(Float32Array.of(0.3, 0.4)).unclippedBit).toBe(0.5);
    expect(norm(dp.clip(Float32Array.of(30, 40)).clipped)).toBeCloseTo(1, 6);
  });

  it('adaptive clipping at z = 0 adds no count noise (TFF): C ← C·exp(−η(b̄ − γ)) exactly, whatever the seed', () => {
    // TFF adaptive_clip_noise_params: σ_b defaults to 0.05·m only when z > 0; at z = 0 it is 0 (and z_Δ = 0).
    const trajectory = (seed: number) => {
      const dp = new CentralDp(config({ mode: 'central', clipping: 'adaptive', noiseMultiplier: 0 }, seed));
      expect(dp.currentClipNorm).toBe(0.1);
      // m = 10. 7 of 10 unclipped: Σb = 7·0.5 − 3·0.5 = 2 → b̄ = 0.7 → C = 0.1·e^(−0.2·0.2) = 0.1·e^(−0.04).
      dp.noisyAverage(1, new Float64Array(2), 2);
      const c1 = dp.currentClipNorm;
      // All clipped: Σb = −5 → b̄ = 0 → C grows by e^(0.2·0.5) = e^(0.1).
      dp.noisyAverage(2, new Float64Array(2), -5);
      return [c1, dp.currentClipNorm];
    };
    const [c1, c2] = trajectory(1);
    expect(c1).toBeCloseTo(0.0960789439152323, 15); // 0.1 × 0.960789439152323
    expect(c2).toBeCloseTo(0.106183654654536, 15); // 0.0960789439152323 × 1.10517091807565
    expect(trajectory(2)).toEqual([c1, c2]);
    expect(trajectory(99)).toEqual([c1, c2]);
  });

  it('σ_b: 0.05·m when z > 0 (count noise seeded per round), 0 when z = 0, or as set (TFF)', () => {
    const adaptive = (privacy: ExperimentConfigInput['privacy']) =>
      config({ mode: 'central', clipping: 'adaptive', ...privacy });
    expect(clippedCountStddev(adaptive({ noiseMultiplier: 0.5 }))).toBe(0.5); // m = 10
    expect(clippedCountStddev(adaptive({ noiseMultiplier: 0 }))).toBe(0);
    expect(clippedCountStddev(adaptive({ noiseMultiplier: 0, clippedCountStddev: 2 }))).toBe(2);
    expect(clippedCountStddev(adaptive({ noiseMultiplier: 0.5, clippedCountStddev: 2 }))).toBe(2);
    // z = 0.5: b̄ = clip₀¹((Σb + 0.5·N)/10 + 0.5) with N the round's 'dp-clip-count' draw; Σb = 2.
    const dp = new CentralDp(adaptive({ noiseMultiplier: 0.5 }));
    dp.noisyAverage(1, new Float64Array(2), 2);
    const b = Math.min(1, Math.max(0, (2 + 0.5 * rngFor(1, 'dp-clip-count', 1).normal()) / 10 + 0.5));
    expect(b).not.toBeCloseTo(0.7, 3);
    expect(dp.currentClipNorm).toBeCloseTo(0.1 * Math.exp(-0.2 * (b - 0.5)), 12);
  });

  it('adaptive clipping at z = 0 promises no privacy: ε = 0 before any round, ∞ after one (ledger and planner)', () => {
    const cfg = config({ mode: 'central', clipping: 'adaptive', noiseMultiplier: 0 });
    const plan = privacyPlan(cfg, []);
    expect(plan(0).epsilon).toBe(0);
    expect(plan(3).epsilon).toBe(Infinity);
    const ledger = new PrivacyLedger(cfg, []);
    expect(ledger.record([{ clientId: 0, steps: 1 }]).epsilon).toBe(Infinity);
  });

  it('composes per-round RDP when a live change moves z: 2 rounds at z = 1 then 3 at z = 2, by hand', () => {
    // q = 1 (every client every round): one round's RDP is α/(2z²) (Mironov 2017, Prop. 7), and RDP adds up over
    // rounds (Prop. 1): α(2/2 + 3/8) = 11α/8, which is one round of the Gaussian mechanism at z² = 4/11.
    const cfg = parseConfig({
      rounds: 5,
      partition: { numClients: 10 },
      sampling: { fraction: 1 },
      privacy: { mode: 'central', noiseMultiplier: 1 },
      schedule: [{ round: 3, set: { 'privacy.noiseMultiplier': 2 } }],
    });
    const ledger = new PrivacyLedger(configAtRound(cfg, 0), []);
    const senders = [{ clientId: 0, steps: 1 }];
    let spent = ledger.spent();
    for (let round = 1; round <= 5; round++) spent = ledger.record(senders, configAtRound(cfg, round));
    const byHand = computeEpsilon({ q: 1, noiseMultiplier: Math.sqrt(4 / 11), steps: 1, delta: 1e-5 }).epsilon;
    expect(spent.epsilon).toBeCloseTo(byHand, 10);
    // Without the change: five rounds at z = 1 (RDP 5α/2) cost more.
    expect(computeEpsilon({ q: 1, noiseMultiplier: 1, steps: 5, delta: 1e-5 }).epsilon).toBeGreaterThan(byHand + 1);
    // The planner follows the schedule: the same ε after 5 rounds, and z = 1's before the change.
    const plan = privacyPlan(cfg, []);
    expect(plan(5).epsilon).toBeCloseTo(byHand, 10);
    expect(plan(2).epsilon).toBe(computeEpsilon({ q: 1, noiseMultiplier: 1, steps: 2, delta: 1e-5 }).epsilon);
  });

  it('adaptive clipping splits z: z_Δ = (z⁻² − (2σ_b)⁻²)^(−1/2), and refuses z ≥ 2σ_b', () => {
    expect(updateNoiseMultiplier(1, null)).toBe(1);
    expect(updateNoiseMultiplier(1, 5)).toBeCloseTo((1 - 1 / 100) ** -0.5, 12);
    expect(updateNoiseMultiplier(0, 5)).toBe(0);
    expect(() => updateNoiseMultiplier(2, 1)).toThrow(/z < 2·σ_b/);
    // m = 10 → σ_b = 0.5: z = 1 is refused at the config boundary with a way out.
    expect(() => config({ mode: 'central', clipping: 'adaptive', noiseMultiplier: 1 })).toThrow(
      /privacy.noiseMultiplier: adaptive clipping needs z < 2·σ_b = 1/,
    );
  });

  it('initial clip norm: 1 fixed, 0.1 adaptive (TFF), or as set', () => {
    expect(initialClipNorm(config({ mode: 'central' }).privacy)).toBe(1);
    expect(initialClipNorm(config({ mode: 'central', clipping: 'adaptive', noiseMultiplier: 0.5 }).privacy)).toBe(0.1);
    expect(initialClipNorm(config({ mode: 'central', clipNorm: 3 }).privacy)).toBe(3);
  });

  it('needs the plain mean aggregator', () => {
    expect(() => parseConfig({ privacy: { mode: 'central' }, aggregator: { name: 'krum' } })).toThrow(
      /aggregator.name: central DP/,
    );
  });
});

describe('local DP', () => {
  it('Gaussian mechanism σ = 2S·√(2 ln(1.25/δ))/ε, by hand', () => {
    // S = 1, ε = 1, δ = 1e-5: 2·√(2·ln 125000) = 2·√23.4731 = 9.6898.
    expect(gaussianMechanismStd(1, 1, 1e-5)).toBeCloseTo(9.6898, 3);
    expect(gaussianMechanismStd(0.5, 2, 1e-5)).toBeCloseTo(9.6898 / 4, 3);
  });

  it('clips, then adds noise of that std, seeded per (round, client)', () => {
    const d = 20_000;
    const big = new Float32Array(d).fill(1);
    const p = { clipNorm: 1, epsilon: 10, delta: 1e-5, seed: 3, round: 2, clientId: 7 };
    const noisy = localDpUpdate(big, p);
    const clippedValue = 1 / Math.sqrt(d);
    const residual = noisy.map((x) => x - clippedValue);
    const std = norm(residual) / Math.sqrt(d);
    expect(std / gaussianMechanismStd(1, 10, 1e-5)).toBeCloseTo(1, 1); // ±5%; sampling error of the std ≈ 0.5%
    expect(Array.from(localDpUpdate(big, p))).toEqual(Array.from(noisy));
    expect(Array.from(localDpUpdate(big, { ...p, clientId: 8 }))).not.toEqual(Array.from(noisy));
  });
});
