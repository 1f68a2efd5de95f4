// API tests: the library API over real HTTP (the route's handler on a Node server) with a real SQLite file.
import { createTRPCClient, httpLink } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricsCsv } from '../../core/report/runExport';
import { roundsFromWire } from '../../shared/library/metricsSchema';
import { createLibraryClient, TRPC_ENDPOINT, type LibraryClient } from '../client';
import type { Library } from '../library/library';
import { failure, startTestApi, type TestApi } from '../testing/api';
import { sampleRounds, sampleRun } from '../testing/fixtures';
import { serveLibrary, type TestServer } from '../testing/serve';
import { createCallerFactory } from './init';
import { appRouter, type AppRouter } from './router';

let testApi: TestApi;
let library: Library;
let server: TestServer;
let api: LibraryClient;

beforeAll(async () => {
  testApi = await startTestApi();
  ({ library, server, api } = testApi);
});
afterAll(() => testApi.close());

describe('save and read back', () => {
  it('saves a run with its config, metrics, environment, name and notes', async () => {
    const metrics = sampleRun({ name: 'IID baseline', data: { dataset: 'moons' } }, [0.5, 0.8, 0.9]);
    const saved = await api.runs.save.mutate({ name: 'first try', notes: 'lr 0.05', metrics });
    expect(saved.id).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(saved.experimentCreated).toBe(true);

    const run = await api.runs.get.query({ id: saved.id });
    expect(run).toMatchObject({
      id: saved.id,
      experimentId: saved.experimentId,
      name: 'first try',
      notes: 'lr 0.05',
      environment: { backend: 'wasm', simd: true, workers: 2, runtime: 'node' },
      durationMs: 210, // 10 + 100 + 100: the rounds' durations when none is given
      roundsCompleted: 2,
      roundsPlanned: 2,
      finalAccuracy: 0.9,
      finalLoss: 1 - 0.9,
      params: { dataset: 'moons', partition: 'iid', strategy: 'fedavg', aggregator: 'mean', attack: 'none', dp: 'none' },
    });
    expect(run.config).toEqual(metrics.config);
    // NaN travels as null and comes back as NaN.
    expect(run.rounds[0].federatedAccuracy).toBeNull();
    expect(roundsFromWire(run.rounds)).toEqual(metrics.rounds);
  });

  it('names the run after its config unless told otherwise, and keeps an explicit duration', async () => {
    const saved = await api.runs.save.mutate({ durationMs: 1234.5, metrics: sampleRun({ name: 'Named by config' }) });
    expect(await api.runs.get.query({ id: saved.id })).toMatchObject({ name: 'Named by config', notes: '', durationMs: 1234.5 });
  });

  it('stores HTML in names and notes verbatim and returns it verbatim', async () => {
    const name = `<img src=x onerror="alert('x')"> & <b>bold</b>`;
    const notes = '<script>alert(1)</script>\n"quotes" \'single\' ü';
    const saved = await api.runs.save.mutate({ name, notes, metrics: sampleRun({ name: '<i>config</i>', seed: 5 }) });
    const run = await api.runs.get.query({ id: saved.id });
    expect(run.name).toBe(name);
    expect(run.notes).toBe(notes);
    expect(run.config.name).toBe('<i>config</i>');
    expect((await api.experiments.get.query({ id: saved.experimentId })).name).toBe('<i>config</i>');
  });
});

describe('run groups (variants run side by side)', () => {
  it('saves each variant with its group; get and list return it, a group lists base first; plain runs have none', async () => {
    const group = { id: 'g-sign-flip', label: 'mean', index: 0 };
    const base = await api.runs.save.mutate({ name: 'duel · mean', group, metrics: sampleRun({ name: 'Duel', seed: 31 }) });
    const median = await api.runs.save.mutate({
      name: 'duel · median',
      group: { ...group, index: 1, label: 'median' },
      metrics: sampleRun({ name: 'Duel', seed: 31, aggregator: { name: 'median' } }),
    });
    const plain = await api.runs.save.mutate({ metrics: sampleRun({ name: 'Alone', seed: 32 }) });

    expect((await api.runs.get.query({ id: median.id })).group).toEqual({ id: 'g-sign-flip', index: 1, label: 'median' });
    expect((await api.runs.get.query({ id: plain.id })).group).toBeUndefined();
    const listed = await api.runs.list.query({ groupId: 'g-sign-flip' });
    expect(listed.total).toBe(2);
    expect(listed.items.map((r) => [r.id, r.group?.label])).toEqual([
      [base.id, 'mean'],
      [median.id, 'median'],
    ]);
    expect((await api.runs.list.query({})).items.find((r) => r.id === base.id)?.group).toEqual(group);
  });

  it('refuses a bad group, naming the field and the fix', async () => {
    const metrics = sampleRun({ name: 'Bad group', seed: 33 });
    const refused = await failure(api.runs.save.mutate({ group: { id: 'g', index: 4, label: 'x' }, metrics }));
    expect(refused).toMatchObject({ code: 'BAD_REQUEST' });
    expect(refused.message).toContain('group.index: must be ≤ 3 (got 4)');
    const empty = await failure(api.runs.save.mutate({ group: { id: 'g', index: 1, label: ' ' }, metrics }));
    expect(empty.message).toContain('group.label: must not be empty (e.g. "median")');
  });
});

describe('content addressing', () => {
  it('saves the same config twice as one experiment with two runs, whatever its name', async () => {
    const config = { partition: { numClients: 7 }, sampling: { minClients: 3 } };
    const first = await api.runs.save.mutate({ name: 'a', metrics: sampleRun({ ...config, name: 'Seven clients' }) });
    const second = await api.runs.save.mutate({ name: 'b', metrics: sampleRun({ ...config, name: 'Renamed' }, [0.1, 0.6, 0.7]) });
    expect(second.experimentId).toBe(first.experimentId);
    expect([first.experimentCreated, second.experimentCreated]).toEqual([true, false]);

    const experiment = await api.experiments.get.query({ id: first.experimentId });
    expect(experiment).toMatchObject({ name: 'Seven clients', runCount: 2, bestAccuracy: 0.75 });
    const runs = await api.runs.list.query({ experimentId: first.experimentId });
    expect(runs.items.map((r) => r.name)).toEqual(['b', 'a']);
    // Each run keeps its own config name.
    expect((await api.runs.get.query({ id: second.id })).config.name).toBe('Renamed');

    const other = await api.runs.save.mutate({ name: 'c', metrics: sampleRun({ ...config, seed: 7 }) });
    expect(other.experimentId).not.toBe(first.experimentId);
  });
});

describe('list, search, filter', () => {
  let ids: Record<string, string>;
  const query = (input: Parameters<LibraryClient['runs']['list']['query']>[0]) => api.runs.list.query(input);

  beforeAll(async () => {
    const save = async (name: string, notes: string, config: Parameters<typeof sampleRun>[0]) =>
      (await api.runs.save.mutate({ name, notes, metrics: sampleRun(config) })).id;
    ids = {
      // Saved first, so the newest-first checks below do not see it.
      private: await save('Blobs private', '', {
        data: { dataset: 'blobs' },
        privacy: { mode: 'central', clipping: 'adaptive', noiseMultiplier: 0.5, dpSgd: true },
      }),
      spiral: await save('Spiral prox', 'try μ = 0.1', { data: { dataset: 'spiral' }, strategy: { name: 'fedprox' } }),
      circles: await save('Circles krum', '100%_sure', { data: { dataset: 'circles' }, aggregator: { name: 'krum', f: 1 } }),
      xor: await save('XOR dirichlet', '', { data: { dataset: 'xor' }, partition: { method: 'dirichlet' }, strategy: { name: 'fedprox' } }),
    };
  });

  it('lists runs newest first with their final accuracy', async () => {
    const { items, total } = await query({ limit: 3 });
    expect(items.map((r) => r.id)).toEqual([ids.xor, ids.circles, ids.spiral]);
    expect(items[0].finalAccuracy).toBe(0.75);
    expect(total).toBeGreaterThanOrEqual(8);
    const next = await query({ limit: 1, offset: 1 });
    expect(next.items.map((r) => r.id)).toEqual([ids.circles]);
  });

  it('searches names, notes and key parameters, every word, case-insensitively', async () => {
    const names = async (q: string) => (await query({ query: q })).items.map((r) => r.name);
    expect(await names('spiral')).toEqual(['Spiral prox']);
    expect(await names('FEDPROX')).toEqual(['XOR dirichlet', 'Spiral prox']);
    expect(await names('fedprox dirichlet')).toEqual(['XOR dirichlet']);
    expect(await names('μ = 0.1')).toEqual(['Spiral prox']);
    // LIKE wildcards in the query are matched literally.
    expect(await names('100%_')).toEqual(['Circles krum']);
    expect(await names('%')).toEqual(['Circles krum']);
    expect(await names('nothing-matches-this')).toEqual([]);
  });

  it('filters by exact key parameters', async () => {
    const byStrategy = await query({ filters: { strategy: 'fedprox' } });
    expect(byStrategy.items.map((r) => r.id)).toEqual([ids.xor, ids.spiral]);
    expect(byStrategy.total).toBe(2);
    expect((await query({ filters: { strategy: 'fedprox', partition: 'dirichlet' } })).items.map((r) => r.id)).toEqual([ids.xor]);
    expect((await query({ filters: { aggregator: 'krum' } })).items.map((r) => r.id)).toEqual([ids.circles]);
    expect((await query({ filters: { attack: 'none', dataset: 'circles' } })).total).toBe(1);
    expect((await query({ filters: { dp: 'central-adaptive+dp-sgd' } })).items.map((r) => r.id)).toEqual([ids.private]);
    expect((await query({ query: 'dp-sgd' })).items.map((r) => r.id)).toEqual([ids.private]);
  });

  it('lists the values each key parameter takes, for filter menus', async () => {
    const facets = await api.experiments.facets.query();
    expect(facets.dataset).toEqual(expect.arrayContaining(['circles', 'mnist', 'moons', 'spiral', 'xor']));
    expect(facets.dataset).toEqual([...facets.dataset].sort());
    expect(facets.strategy).toContain('fedprox');
    expect(facets.aggregator).toEqual(expect.arrayContaining(['krum', 'mean']));
    expect(facets.attack).toEqual(['none']);
    expect(facets.dp).toEqual(['central-adaptive+dp-sgd', 'none']);
  });

  it('lists and searches experiments, also through their runs’ names', async () => {
    const all = await api.experiments.list.query();
    expect(all.items[0].params.dataset).toBe('xor');
    const circles = await api.experiments.list.query({ query: 'krum' });
    expect(circles.items.map((e) => e.params.aggregator)).toEqual(['krum']);
    expect(circles.items[0]).toMatchObject({ runCount: 1, bestAccuracy: 0.75 });
    expect((await api.experiments.list.query({ query: 'Circles KRUM' })).total).toBe(1);
  });
});

describe('delete', () => {
  it('deletes a run; its experiment stays; an unknown id is NOT_FOUND', async () => {
    const saved = await api.runs.save.mutate({ name: 'to delete', metrics: sampleRun({ seed: 99 }) });
    expect(await api.runs.delete.mutate({ id: saved.id })).toEqual({ deleted: saved.id });
    expect(await failure(api.runs.get.query({ id: saved.id }))).toMatchObject({
      code: 'NOT_FOUND',
      status: 404,
      message: `no run with id ${saved.id} in the library`,
    });
    expect((await api.runs.list.query({ query: 'to delete' })).total).toBe(0);
    expect(await api.experiments.get.query({ id: saved.experimentId })).toMatchObject({ runCount: 0, bestAccuracy: null });
    expect(await failure(api.runs.delete.mutate({ id: saved.id }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('deletes an experiment with all its runs', async () => {
    const a = await api.runs.save.mutate({ metrics: sampleRun({ seed: 123 }) });
    const b = await api.runs.save.mutate({ metrics: sampleRun({ seed: 123 }) });
    expect(await api.experiments.delete.mutate({ id: a.experimentId })).toEqual({ runsDeleted: 2 });
    expect(await failure(api.runs.get.query({ id: b.id }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failure(api.experiments.get.query({ id: a.experimentId }))).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('export', () => {
  it('exports CSV (one row per round) and the metrics JSON of `fedstudio run --out`', async () => {
    const metrics = sampleRun({ name: 'Export me' }, [0.1, 0.5, 0.75]);
    const saved = await api.runs.save.mutate({ name: 'Export: <me>', metrics });
    const csv = await api.runs.export.query({ id: saved.id, format: 'csv' });
    expect(csv.filename).toBe(`export-me-${saved.id}.csv`);
    expect(csv.contentType).toBe('text/csv');
    expect(csv.content.split('\n')).toEqual([
      'round,test_accuracy,test_loss,federated_accuracy,duration_ms,bytes_up,bytes_down,sampled,dropped,mean_update_norm',
      '0,0.1,0.9,,10,0,0,0,0,',
      '1,0.5,0.5,0.45,100,800,1600,2,1,2',
      '2,0.75,0.25,0.7,100,800,1600,2,1,2',
      '',
    ]);
    expect(csv.content).toBe(metricsCsv(metrics.rounds));

    const json = await api.runs.export.query({ id: saved.id, format: 'json' });
    expect(json).toMatchObject({ filename: `export-me-${saved.id}.json`, contentType: 'application/json' });
    const parsed = JSON.parse(json.content) as typeof metrics;
    expect(Object.keys(parsed)).toEqual(['config', 'environment', 'rounds']);
    expect(parsed.config).toEqual(metrics.config);
    expect(parsed.environment).toEqual(metrics.environment);
    expect(roundsFromWire(parsed.rounds)).toEqual(metrics.rounds);
  });
});

describe('compare', () => {
  it('returns 2–4 runs with their metrics and a config diff', async () => {
    const a = await api.runs.save.mutate({ name: 'α 0.1', metrics: sampleRun({ partition: { method: 'dirichlet', alpha: 0.1 } }) });
    const b = await api.runs.save.mutate({ name: 'α 1', metrics: sampleRun({ partition: { method: 'dirichlet', alpha: 1 } }, [0.1, 0.7, 0.8]) });
    const result = await api.runs.compare.query({ ids: [a.id, b.id] });
    expect(result.runs.map((r) => r.name)).toEqual(['α 0.1', 'α 1']);
    expect(result.runs[1].rounds.map((r) => r.testAccuracy)).toEqual([0.1, 0.7, 0.8]);
    expect(result.diff.filter((d) => !d.same)).toEqual([{ path: 'partition.alpha', values: ['0.1', '1'], same: false }]);

    expect((await failure(api.runs.compare.query({ ids: [a.id] }))).message).toBe(`ids: pick 2 to 4 runs (got ["${a.id}"])`);
    expect((await failure(api.runs.compare.query({ ids: [a.id, a.id] }))).message).toMatch(/^ids: pick different runs/);
    // Server-side callers (the pages) get the same readable message.
    const caller = createCallerFactory(appRouter)({ library });
    await expect(caller.runs.compare({ ids: ['only-one'] })).rejects.toThrow('ids: pick 2 to 4 runs (got ["only-one"])');
    expect(await failure(api.runs.compare.query({ ids: [a.id, 'nope'] }))).toMatchObject({
      code: 'NOT_FOUND',
      message: 'no run with id nope in the library',
    });
  });
});

describe('import a config', () => {
  it('adds a valid config as an experiment without runs, the same one a saved run of it would use', async () => {
    const text = JSON.stringify({ name: 'Imported', partition: { method: 'shard' }, rounds: 2 });
    const experiment = await api.experiments.importConfig.mutate({ json: text });
    expect(experiment).toMatchObject({ name: 'Imported', runCount: 0, params: { partition: 'shard' } });
    expect(experiment.config.partition.shardsPerClient).toBe(2);
    const saved = await api.runs.save.mutate({ metrics: sampleRun({ partition: { method: 'shard' } }) });
    expect(saved).toMatchObject({ experimentId: experiment.id, experimentCreated: false });
    // Importing it again returns the same experiment.
    expect((await api.experiments.importConfig.mutate({ json: text })).id).toBe(experiment.id);
  });

  it('rejects bad files with errors that name the problem or the field', async () => {
    const importing = (json: string) => failure(api.experiments.importConfig.mutate({ json }));
    const notJson = await importing('{"rounds": 3,');
    expect(notJson).toMatchObject({ code: 'BAD_REQUEST', status: 400, issues: null });
    expect(notJson.message).toMatch(/^the file is not valid JSON \(.+\)$/);
    expect((await importing('[1, 2]')).message).toBe('the file must contain a JSON object (an experiment config)');

    const bad = await importing(JSON.stringify({ partition: { alpha: -1 }, train: { optimiser: 'sgd' }, model: { kind: 'rnn' } }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.issues).toEqual([
      { path: 'partition.alpha', message: 'must be ≥ 0.001 (got -1)' },
      { path: 'model.kind', message: 'must be one of "logreg", "mlp", "cnn" (got "rnn")' },
      { path: 'train', message: 'unknown field(s) "optimiser"' },
    ]);
    expect(bad.message).toBe(
      'invalid config: partition.alpha: must be ≥ 0.001 (got -1); model.kind: must be one of "logreg", "mlp", "cnn" (got "rnn"); train: unknown field(s) "optimiser"',
    );
  });
});

describe('input validation and limits', () => {
  it('names the invalid field of a saved run, its config included', async () => {
    const metrics = sampleRun();
    const badConfig = await failure(
      api.runs.save.mutate({ metrics: { ...metrics, config: { ...metrics.config, partition: { ...metrics.config.partition, alpha: -1 } } } }),
    );
    expect(badConfig).toMatchObject({ code: 'BAD_REQUEST', message: 'metrics.config.partition.alpha: must be ≥ 0.001 (got -1)' });
    expect((await failure(api.runs.save.mutate({ name: '   ', metrics }))).message).toBe('name: must not be empty (got "   ")');
    expect((await failure(api.runs.save.mutate({ name: 'x'.repeat(201), metrics }))).message).toMatch(/^name: must be ≤ 200/);
    expect((await failure(api.runs.save.mutate({ notes: 'x'.repeat(10_001), metrics }))).message).toMatch(/^notes: must be ≤ 10000/);
    const gap = await failure(api.runs.save.mutate({ metrics: { ...metrics, rounds: [metrics.rounds[0], metrics.rounds[2]] } }));
    expect(gap.message).toBe('metrics.rounds.1.round: rounds must be numbered 0, 1, 2, … in order (expected 1) (got 2)');
    const tooMany = await failure(api.runs.save.mutate({ metrics: { ...metrics, rounds: metrics.rounds.slice(0, 3) }, notes: 1 as unknown as string }));
    expect(tooMany.message).toMatch(/^notes: /);
    const longer = await failure(api.runs.save.mutate({ metrics: sampleRun({ rounds: 1 }, [0.1, 0.2, 0.3]) }));
    expect(longer.message).toBe('metrics.rounds: has 2 rounds but config.rounds is 1');
  });

  it('refuses more than 1,000 rounds', async () => {
    const run = sampleRun({ rounds: 1_000 }, [0.5]);
    const rounds = sampleRounds(Array.from({ length: 1_002 }, () => 0.5)).map((r) => ({ ...r, clients: [] }));
    const result = await failure(api.runs.save.mutate({ metrics: { ...run, rounds } }));
    expect(result).toMatchObject({ code: 'BAD_REQUEST', message: 'metrics.rounds: a run has at most 1,000 rounds (got 1001)' });
  });

  it('refuses a run over 5 MB: at the HTTP body (413) and in the library', async () => {
    const clients = Array.from({ length: 500 }, (_, id) => ({
      id, numExamples: 100, trainLoss: 0.123456789, localAccuracy: 0.987654321, updateNorm: 1.23456789, dropped: false, straggler: false,
    }));
    const big = sampleRun({ rounds: 100, partition: { numClients: 500 } }, Array.from({ length: 101 }, () => 0.5));
    big.rounds = big.rounds.map((r) => ({ ...r, clients }));
    expect(JSON.stringify(big).length).toBeGreaterThan(6 * 1024 * 1024);

    const viaHttp = await failure(api.runs.save.mutate({ metrics: big }));
    expect(viaHttp).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      status: 413,
      message: 'request larger than 5.3 MB: a saved run holds at most 5.0 MB of metrics',
    });

    // A server that reads bigger bodies still refuses to store it.
    const lenient = await serveLibrary({ library: () => library, maxBytes: 50 * 1024 * 1024 });
    try {
      const result = await failure(createLibraryClient(lenient.url).runs.save.mutate({ metrics: big }));
      expect(result.code).toBe('PAYLOAD_TOO_LARGE');
      expect(result.message).toMatch(/^run too large to save: 6\.\d MB of metrics \(limit 5\.0 MB\); export it as JSON instead/);
    } finally {
      await lenient.close();
    }
  });

  it('100 concurrent saves (separate HTTP requests) give 100 runs of one experiment', async () => {
    const unbatched = createTRPCClient<AppRouter>({ links: [httpLink({ url: `${server.url}${TRPC_ENDPOINT}` })] });
    const metrics = sampleRun({ name: 'Concurrent', seed: 2024 });
    const saved = await Promise.all(
      Array.from({ length: 100 }, (_, i) => unbatched.runs.save.mutate({ name: `concurrent ${i}`, metrics })),
    );
    expect(new Set(saved.map((s) => s.id)).size).toBe(100);
    expect(new Set(saved.map((s) => s.experimentId)).size).toBe(1);
    expect(saved.filter((s) => s.experimentCreated)).toHaveLength(1);
    const runs = await api.runs.list.query({ experimentId: saved[0].experimentId, limit: 500 });
    expect(runs.total).toBe(100);
    expect(new Set(runs.items.map((r) => r.name)).size).toBe(100);
  });
});
