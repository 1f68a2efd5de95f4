// The uplink stage of a round through the real engine: compression, DP and secure aggregation compose with the
// strategy, report what they cost, and keep FedAvg's answer where they promise to.
import { describe, expect, it } from 'vitest';
import { parseConfig, type ExperimentConfigInput } from '../config/schema';
import { computeEpsilon } from '../privacy/rdp';
import { RoundEngine } from './engine';
import { ToyExecutor } from './testing/toyExecutor';

const base: ExperimentConfigInput = {
  seed: 11,
  rounds: 3,
  partition: { numClients: 8 },
  sampling: { fraction: 0.5, minClients: 2 },
  train: { lr: 0.05 },
};

async function run(overrides: ExperimentConfigInput) {
  const executor = new ToyExecutor();
  const engine = new RoundEngine(parseConfig({ ...base, ...overrides }), executor, { runtime: 'node' });
  const end = await engine.run();
  return { end, executor, rounds: engine.getMetrics().rounds, global: engine.getGlobalWeights() };
}

describe('secure aggregation in the engine', () => {
  it('gives FedAvg’s weighted mean up to quantization, and reports its cost', async () => {
    const plain = await run({ rounds: 1 });
    for (const mode of ['secagg', 'secagg+'] as const) {
      const secure = await run({ rounds: 1, secureAggregation: { mode, neighbours: 2 } });
      expect(secure.end.reason).toBe('completed');
      // Each of 4 inputs is off by ≤ 2r/2²² = 3.8e-6 after weighting; the mean's error is below that.
      secure.global.forEach((w, j) => expect(Math.abs(w - plain.global[j])).toBeLessThan(4e-6));
      const s = secure.rounds[1].secureAggregation!;
      expect(s).toMatchObject({ survivors: 4, threshold: mode === 'secagg' ? 3 : 2 });
      expect(s.overheadBytes).toBeGreaterThan(0);
      expect(secure.rounds[1].bytesUp).toBeGreaterThan(plain.rounds[1].bytesUp);
      expect(s.preview!.masked).not.toEqual(s.preview!.input);
    }
  });

  it('fails a round clearly when too few clients survive, keeps the model, and goes on', async () => {
    const { end, rounds } = await run({
      rounds: 4,
      system: { dropoutProb: 0.6 },
      secureAggregation: { mode: 'secagg', thresholdFraction: 0.9 },
    });
    expect(end.reason).toBe('completed');
    const failed = rounds.filter((r) => r.secureAggregation?.error);
    expect(failed.length).toBeGreaterThan(0);
    for (const r of failed) {
      expect(r.note).toMatch(/secure aggregation failed in round \d+: only \d+ of 4 clients survived, below the threshold t = 4/);
      expect(r.bytesUp).toBe(0);
    }
  });
});

describe('differential privacy in the engine', () => {
  it('central DP reports ε per round equal to the accountant at q = m/N, and clips', async () => {
    const { rounds } = await run({ rounds: 3, privacy: { mode: 'central', clipNorm: 0.01, noiseMultiplier: 1.2 } });
    expect(rounds[0].epsilon).toBe(0);
    for (const r of rounds.slice(1)) {
      expect(r.epsilon).toBeCloseTo(computeEpsilon({ q: 4 / 8, noiseMultiplier: 1.2, steps: r.round, delta: 1e-5 }).epsilon, 10);
      expect(r.clipNorm).toBe(0.01);
      expect(r.clippedFraction).toBe(1);
    }
  });

  it('with z = 0 and a huge clip norm, central DP is the unweighted mean of the updates', async () => {
    const { executor, global, rounds } = await run({ rounds: 1, privacy: { mode: 'central', clipNorm: 1e4, noiseMultiplier: 0 } });
    const [tasks] = executor.calls;
    const start = tasks[0].weights;
    const m = executor.updates.length;
    start.forEach((w, j) => {
      const mean = executor.updates.reduce((s, u) => s + u.delta[j], 0) / m;
      expect(global[j]).toBeCloseTo(w + mean, 6);
    });
    expect(rounds[1].epsilon).toBe(Infinity);
  });

  it('composes with secure aggregation: the server adds the noise to the unmasked sum', async () => {
    const privacy = { mode: 'central', clipNorm: 0.05, noiseMultiplier: 0.5 } as const;
    const plain = await run({ rounds: 2, privacy });
    const secure = await run({ rounds: 2, privacy, secureAggregation: { mode: 'secagg' } });
    secure.global.forEach((w, j) => expect(Math.abs(w - plain.global[j])).toBeLessThan(1e-5));
    expect(secure.rounds[2].epsilon).toBe(plain.rounds[2].epsilon);
  });

  it('adaptive clipping moves the clip norm towards the target quantile', async () => {
    const { rounds } = await run({
      rounds: 6,
      partition: { numClients: 40 },
      sampling: { fraction: 1 },
      privacy: { mode: 'central', clipping: 'adaptive', noiseMultiplier: 0.5, clipNorm: 1e-4 },
    });
    const norms = rounds.slice(1).map((r) => r.clipNorm!);
    // Every update is longer than 1e-4: all clipped, so the norm grows by exp(0.2·0.5) a round (noise aside).
    for (let i = 1; i < norms.length; i++) expect(norms[i] / norms[i - 1]).toBeCloseTo(Math.exp(0.1), 1);
  });

  it('adaptive clipping at z = 0 moves the clip norm without count noise (TFF), and ε is ∞', async () => {
    const { rounds } = await run({
      rounds: 3,
      privacy: { mode: 'central', clipping: 'adaptive', noiseMultiplier: 0, clipNorm: 1e-4 },
    });
    // All clipped every round: b̄ = 0, so round r clips to C = 1e-4·e^(0.2·0.5·(r − 1)), exactly.
    rounds.slice(1).forEach((r) => {
      expect(r.clipNorm).toBeCloseTo(1e-4 * Math.exp(0.1 * (r.round - 1)), 15);
      expect(r.epsilon).toBe(Infinity);
    });
  });

  it('local DP noises every update and reports ε over the participations of the busiest client', async () => {
    const { rounds, executor } = await run({ rounds: 4, privacy: { mode: 'local', localEpsilon: 4 } });
    const counts = new Map<number, number>();
    for (const [i, r] of rounds.slice(1).entries()) {
      for (const c of r.clients) counts.set(c.id, (counts.get(c.id) ?? 0) + 1);
      const steps = Math.max(...counts.values());
      const z = Math.sqrt(2 * Math.log(1.25 / 1e-5)) / 4;
      expect(r.epsilon, `round ${i + 1}`).toBeCloseTo(computeEpsilon({ q: 1, noiseMultiplier: z, steps, delta: 1e-5 }).epsilon, 10);
    }
    expect(executor.updates.length).toBeGreaterThan(0);
  });
});

describe('compression in the engine', () => {
  it('counts the compressed bytes and still learns', async () => {
    const plain = await run({ rounds: 3 });
    const compressed = await run({ rounds: 3, compression: { sparsify: 'top-k', ratio: 0.34, quantizeBits: 4 } });
    // d = 3 → k = 2: 2 values × 5 bits → 2 bytes + 4-byte norm + 2 × 4-byte indices = 14 bytes per update.
    for (const r of compressed.rounds.slice(1)) expect(r.bytesUp).toBe(14 * r.clients.filter((c) => !c.dropped).length);
    expect(compressed.rounds[3].testLoss).toBeLessThan(compressed.rounds[0].testLoss);
    expect(compressed.rounds[3].testLoss).toBeGreaterThan(plain.rounds[3].testLoss * 0.5);
  });
});
