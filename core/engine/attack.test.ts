import { describe, expect, it } from 'vitest';
import { maliciousClients } from '../attack/malicious';
import { parseConfig, type ExperimentConfigInput } from '../config/schema';
import { RoundEngine } from './engine';
import { ToyExecutor } from './testing/toyExecutor';

const base: ExperimentConfigInput = {
  seed: 3,
  rounds: 1,
  partition: { numClients: 6 },
  sampling: { fraction: 1, minClients: 2 },
  train: { lr: 0.05 },
};

async function runOneRound(overrides: ExperimentConfigInput) {
  const config = parseConfig({ ...base, ...overrides });
  const executor = new ToyExecutor();
  const engine = new RoundEngine(config, executor, { runtime: 'node' });
  const initial = await executor.prepare(config).then(() => executor.initialWeights());
  await engine.run();
  return { config, executor, initial, global: engine.getGlobalWeights(), round: engine.getMetrics().rounds[1] };
}

describe('RoundEngine under attack', () => {
  it('aggregates the forged updates: FedAvg moves by the example-weighted mean with the attackers flipped', async () => {
    const { config, executor, initial, global, round } = await runOneRound({ attack: { kind: 'sign-flip', count: 2 } });
    const malicious = maliciousClients(config);
    const expected = new Float64Array(initial.length);
    let total = 0;
    for (const u of executor.updates) {
      const sign = malicious.has(u.clientId) ? -1 : 1;
      for (let i = 0; i < expected.length; i++) expected[i] += sign * u.numExamples * u.delta[i];
      total += u.numExamples;
    }
    for (let i = 0; i < expected.length; i++) expect(global[i] - initial[i]).toBeCloseTo(expected[i] / total, 5);
    expect(round.clients.filter((c) => c.malicious).map((c) => c.id)).toEqual([...malicious].sort((a, b) => a - b));
    for (const c of round.clients) expect(c.cosineToAggregate).toBeTypeOf('number');
  });

  it("records the aggregator's per-client decisions in attack runs only", async () => {
    const attacked = await runOneRound({ aggregator: { name: 'median' }, attack: { kind: 'gaussian', count: 1 } });
    for (const c of attacked.round.clients) expect(c.decision?.trimmedFraction).toBeGreaterThan(0);
    const clean = await runOneRound({ aggregator: { name: 'median' } });
    for (const c of clean.round.clients) expect(Object.keys(c).sort()).toEqual(
      ['dropped', 'id', 'localAccuracy', 'numExamples', 'straggler', 'trainLoss', 'updateNorm'],
    );
    expect('attackSuccess' in clean.round).toBe(false);
  });
});
