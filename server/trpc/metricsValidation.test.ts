// API tests: a run with impossible metrics is refused, naming the field; impossible values saved before these checks
// existed are shown as missing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunMetrics } from '../../core/report/metrics';
import { roundsFromWire } from '../../shared/library/metricsSchema';
import { failure, startTestApi, type TestApi } from '../testing/api';
import { sampleRun } from '../testing/fixtures';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t.close());

const savedRuns = async () => (await t.api.runs.list.query({ limit: 1 })).total;

// sampleRun(): rounds 0–2 with test accuracies 0.1, 0.5, 0.75; rounds 1 and 2 have clients 0 and 3 (of 20).
const IMPOSSIBLE: [string, (run: RunMetrics) => void, string][] = [
  [
    'a test accuracy of 7.5',
    (r) => void (r.rounds[2].testAccuracy = 7.5),
    'metrics.rounds.2.testAccuracy: must be an accuracy between 0 and 1 (got 7.5)',
  ],
  [
    'a test loss of 1e308',
    (r) => void (r.rounds[1].testLoss = 1e308),
    'metrics.rounds.1.testLoss: must be a loss between 0 and 6.8e+38 (got 1e+308)',
  ],
  [
    'a training loss of −3',
    (r) => void (r.rounds[1].clients[0].trainLoss = -3),
    'metrics.rounds.1.clients.0.trainLoss: must be a loss between 0 and 6.8e+38 (got -3)',
  ],
  [
    'a negative round duration',
    (r) => void (r.rounds[1].durationMs = -100),
    'metrics.rounds.1.durationMs: must be a duration between 0 and 2⁵³ ms (got -100)',
  ],
  [
    'negative bytes',
    (r) => void (r.rounds[2].bytesUp = -800),
    'metrics.rounds.2.bytesUp: must be a byte count between 0 and 2⁵³ (got -800)',
  ],
  [
    'a client id ≥ partition.numClients',
    (r) => void (r.rounds[1].clients[1].id = 20),
    'metrics.rounds.1.clients.1.id: must be a client of this run: below config.partition.numClients (20) (got 20)',
  ],
  [
    'the same client twice in a round',
    (r) => void (r.rounds[2].clients[1].id = 0),
    'metrics.rounds.2.clients.1.id: must not repeat a client already in this round (got 0)',
  ],
  [
    'rounds that start at 1',
    (r) => void (r.rounds = r.rounds.slice(1)),
    'metrics.rounds.0.round: rounds must be numbered 0, 1, 2, … in order (expected 0) (got 1)',
  ],
  [
    'a repeated round',
    (r) => void (r.rounds[2] = { ...r.rounds[1] }),
    'metrics.rounds.2.round: rounds must be numbered 0, 1, 2, … in order (expected 2) (got 1)',
  ],
  [
    'a federated accuracy in percent',
    (r) => void (r.rounds[1].federatedAccuracy = 45),
    'metrics.rounds.1.federatedAccuracy: must be an accuracy between 0 and 1 (got 45)',
  ],
  [
    'a negative local accuracy',
    (r) => void (r.rounds[1].clients[0].localAccuracy = -0.1),
    'metrics.rounds.1.clients.0.localAccuracy: must be an accuracy between 0 and 1 (got -0.1)',
  ],
  [
    'an attack success of 2',
    (r) => void (r.rounds[1].attackSuccess = 2),
    'metrics.rounds.1.attackSuccess: must be a fraction between 0 and 1 (got 2)',
  ],
  [
    'a clipped fraction of 1.5',
    (r) => void (r.rounds[1].clippedFraction = 1.5),
    'metrics.rounds.1.clippedFraction: must be a fraction between 0 and 1 (got 1.5)',
  ],
  [
    'a trimmed fraction of 1.2',
    (r) => void (r.rounds[1].clients[0].decision = { trimmedFraction: 1.2 }),
    'metrics.rounds.1.clients.0.decision.trimmedFraction: must be a fraction between 0 and 1 (got 1.2)',
  ],
  ['a negative ε', (r) => void (r.rounds[1].epsilon = -1), 'metrics.rounds.1.epsilon: must be ≥ 0 (got -1)'],
  [
    'a negative secure-aggregation time',
    (r) => void (r.rounds[1].secureAggregation = { survivors: 2, ms: -1 }),
    'metrics.rounds.1.secureAggregation.ms: must be a duration between 0 and 2⁵³ ms (got -1)',
  ],
  [
    'a secure-aggregation preview of a client beyond numClients',
    (r) => void (r.rounds[1].secureAggregation = { survivors: 2, preview: { clientId: 25, from: 0, masked: [], input: [], sum: [] } }),
    'metrics.rounds.1.secureAggregation.preview.clientId: must be a client of this run: below config.partition.numClients (20) (got 25)',
  ],
];

describe('impossible metrics', () => {
  it.each(IMPOSSIBLE)('refuses %s with a 400 naming the field, and saves nothing', async (_, change, message) => {
    const before = await savedRuns();
    const metrics = sampleRun();
    change(metrics);
    expect(await failure(t.api.runs.save.mutate({ metrics }))).toMatchObject({ code: 'BAD_REQUEST', status: 400, message });
    expect(await savedRuns()).toBe(before);
  });

  it('refuses a negative wall-clock time of the run', async () => {
    expect((await failure(t.api.runs.save.mutate({ durationMs: -1, metrics: sampleRun() }))).message).toBe(
      'durationMs: must be a duration between 0 and 2⁵³ ms (got -1)',
    );
  });

  it('accepts every range’s edges and unmeasured (null) values', async () => {
    const metrics = sampleRun({ partition: { numClients: 4 } }, [0, 0.5, 1]);
    Object.assign(metrics.rounds[2], { testLoss: 0, durationMs: 0, bytesUp: 0, attackSuccess: 1, clippedFraction: 0, epsilon: 0 });
    Object.assign(metrics.rounds[1], { testAccuracy: NaN, testLoss: NaN, durationMs: NaN, attackSuccess: NaN });
    metrics.rounds[2].clients[0].decision = { trimmedFraction: 1, weight: 0 };
    const saved = await t.api.runs.save.mutate({ metrics });
    const run = await t.api.runs.get.query({ id: saved.id });
    expect(run).toMatchObject({ finalAccuracy: 1, finalLoss: 0 });
    expect(roundsFromWire(run.rounds)).toEqual(metrics.rounds);
  });

  it('names the first ten problems of a run recorded in percent, and how many more there are', async () => {
    // Rounds 0–5: round 0 has a bad accuracy and loss, rounds 1–5 four problems each (client 3 dropped out).
    const result = await failure(t.api.runs.save.mutate({ metrics: sampleRun({}, [10, 20, 30, 40, 50, 60]) }));
    expect(result.code).toBe('BAD_REQUEST');
    expect(result.issues).toHaveLength(10);
    const parts = result.message.split('; ');
    expect(parts).toHaveLength(11);
    expect(parts.slice(0, 2)).toEqual([
      'metrics.rounds.0.testAccuracy: must be an accuracy between 0 and 1 (got 10)',
      'metrics.rounds.0.testLoss: must be a loss between 0 and 6.8e+38 (got -9)',
    ]);
    expect(parts[10]).toBe('and 12 more');
  });
});

describe('impossible values saved before the checks', () => {
  it('are shown as missing in the library, the run, compare and exports', async () => {
    const config = { name: 'Saved before the checks', seed: 77 };
    const good = await t.api.runs.save.mutate({ metrics: sampleRun(config, [0.1, 0.5, 0.6]) });
    const bad = await t.api.runs.save.mutate({ metrics: sampleRun(config) });
    // What an older FedStudio let through.
    t.library.db
      .prepare(
        `UPDATE runs SET final_accuracy = 7.5, final_loss = -3, duration_ms = -5,
           rounds = json_set(rounds, '$[1].testAccuracy', 1e308, '$[1].bytesUp', -800, '$[2].testAccuracy', 7.5, '$[2].testLoss', -3)
         WHERE id = ?`,
      )
      .run(bad.id);

    const listed = (await t.api.runs.list.query({ query: config.name })).items.find((r) => r.id === bad.id);
    expect(listed).toMatchObject({ finalAccuracy: null, finalLoss: null, durationMs: null });
    // The best accuracy is the best possible one, not 750%.
    expect(await t.api.experiments.get.query({ id: bad.experimentId })).toMatchObject({ runCount: 2, bestAccuracy: 0.6 });

    const run = await t.api.runs.get.query({ id: bad.id });
    const rounds = roundsFromWire(run.rounds);
    expect(rounds.map((r) => r.testAccuracy)).toEqual([0.1, NaN, NaN]);
    expect(rounds.map((r) => r.testLoss)).toEqual([0.9, 0.5, NaN]);
    expect(rounds.map((r) => r.bytesUp)).toEqual([0, NaN, 800]);

    const csv = await t.api.runs.export.query({ id: bad.id, format: 'csv' });
    expect(csv.content.split('\n').slice(1, 4)).toEqual(['0,0.1,0.9,,10,0,0,0,0,', '1,,0.5,0.45,100,,1600,2,1,2', '2,,,0.7,100,800,1600,2,1,2']);

    const compared = await t.api.runs.compare.query({ ids: [good.id, bad.id] });
    expect(compared.runs.map((r) => r.finalAccuracy)).toEqual([0.6, null]);
  });
});
