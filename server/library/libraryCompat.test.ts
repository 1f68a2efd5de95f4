// A library written before the config schema was re-assembled from plugin descriptors (issue 13) opens unchanged.
// fixtures/library-v1.db was written by FedStudio with config version 1 (library schema 2) through runs.save and
// experiments.importConfig; library-v1.expected.json is what it holds. Never regenerate either. If a test here fails,
// a field's default, name or shape changed under saved runs: keep the old meaning, or bump CONFIG_VERSION with a
// migration (core/config/migrations.ts) that maps these configs onto the new one.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig, type ExperimentConfig } from '../../core/config/schema';
import type { RunEnvironment } from '../../core/report/metrics';
import { roundsFromWire, type WireRounds } from '../../shared/library/metricsSchema';
import { SCHEMA_VERSION } from '../db/migrations';
import { openDatabase } from '../db/openDatabase';
import { createCallerFactory, libraryContext } from '../trpc/init';
import { appRouter } from '../trpc/router';
import { experimentId } from './contentAddress';
import expected from './fixtures/library-v1.expected.json';
import { Library } from './library';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'library-v1.db');
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
/** As JSON holds it (undefined members dropped, NaN as null). */
const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

const runs = expected.runs as unknown as (Omit<(typeof expected.runs)[number], 'config' | 'rounds' | 'environment'> & {
  config: ExperimentConfig;
  rounds: WireRounds;
  environment: RunEnvironment;
})[];
const experiments = expected.experiments as unknown as (Omit<(typeof expected.experiments)[number], 'config'> & {
  config: ExperimentConfig;
})[];

let tmp: string;
let library: Library;
const createCaller = createCallerFactory(appRouter);
let api: ReturnType<typeof createCaller>;
/** The file as written by config version 1: a changed hash means it was opened in place or regenerated. */
const FIXTURE_SHA256 = '98f7e89188e4e622e7faa9f610cf2276af01ca1ddf51ec87f67053c8f2dbb501';

beforeAll(() => {
  // A copy: opening a library may migrate it, and the test saves into it.
  tmp = mkdtempSync(path.join(tmpdir(), 'fedstudio-compat-'));
  const file = path.join(tmp, 'library.db');
  copyFileSync(FIXTURE, file);
  library = new Library(
    openDatabase(file, {
      onMovedAside: (message) => {
        throw new Error(`the fixture library was moved aside: ${message}`);
      },
    }),
  );
  api = createCaller(libraryContext(() => library));
});

afterAll(() => {
  library?.db.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('a library written with config version 1', () => {
  it('is the fixture it claims to be', () => {
    expect(expected.configVersion).toBe(1);
    expect(expected.schemaVersion).toBe(2);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(expected.schemaVersion);
    expect(runs).toHaveLength(4);
  });

  it('opens with its runs and experiments listed', async () => {
    const listed = await api.runs.list({});
    expect(listed.total).toBe(runs.length);
    expect(listed.items.map((r) => r.id).sort()).toEqual(runs.map((r) => r.id).sort());
    for (const run of runs) {
      expect(listed.items.find((r) => r.id === run.id)).toEqual({
        id: run.id,
        experimentId: run.experimentId,
        name: run.name,
        notes: run.notes,
        createdAt: run.createdAt,
        params: run.params,
        environment: run.environment,
        durationMs: run.durationMs,
        roundsCompleted: run.roundsCompleted,
        roundsPlanned: run.roundsPlanned,
        finalAccuracy: run.finalAccuracy,
        finalLoss: run.finalLoss,
      });
    }
    const listedExperiments = await api.experiments.list({});
    expect(listedExperiments.items.map((e) => [e.id, e.name, e.runCount, e.params])).toEqual(
      experiments.map((e) => [e.id, e.name, e.runCount, e.params]),
    );
  });

  it.each(runs.map((r) => [r.name, r] as const))('run "%s": config and metrics intact', async (_name, run) => {
    const got = await api.runs.get({ id: run.id });
    expect(json(got.config)).toEqual(run.config);
    // What the studio and the CLI do with a stored config: parse it. Same config, same content address.
    const parsed = parseConfig(got.config);
    expect(json(parsed)).toEqual(run.config);
    expect(experimentId(parsed)).toBe(run.experimentId);
    expect(json(got.rounds)).toEqual(run.rounds);
    expect(json(roundsFromWire(got.rounds))).toEqual(run.rounds);
    expect(got.environment).toEqual(run.environment);
  });

  it('each experiment keeps its config and content address, so saving it again adds no experiment', async () => {
    for (const experiment of experiments) {
      const got = await api.experiments.get({ id: experiment.id });
      expect(json(got.config)).toEqual(experiment.config);
      expect(experimentId(parseConfig(got.config))).toBe(experiment.id);
      // The library import of the stored config finds the same experiment.
      const imported = await api.experiments.importConfig({ json: JSON.stringify(experiment.config) });
      expect(imported.id).toBe(experiment.id);
    }
    expect(expected.imported.experimentId).toBe(experiments.find((e) => e.runCount === 0)?.id);
    expect((await api.experiments.list({})).total).toBe(experiments.length);
  });

  it("today's default experiment is the stored one (a changed default would file its runs under a new experiment)", () => {
    const stored = runs.find((r) => r.name === 'Untitled experiment');
    expect(json(parseConfig({}))).toEqual(stored?.config);
    expect(experimentId(parseConfig({}))).toBe(stored?.experimentId);
  });

  it('takes a new run of a stored config into its experiment', async () => {
    const run = runs[1];
    const saved = await api.runs.save({
      name: 'again',
      metrics: { config: parseConfig(run.config), environment: run.environment, rounds: roundsFromWire(run.rounds) },
    });
    expect(saved).toMatchObject({ experimentId: run.experimentId, experimentCreated: false });
    expect(json((await api.runs.get({ id: saved.id })).rounds)).toEqual(run.rounds);
  });

  it('refuses, by its version, a run or a config made by a newer FedStudio', async () => {
    const run = runs[0];
    const metrics = { config: { ...run.config, version: 99 }, environment: run.environment, rounds: roundsFromWire(run.rounds) };
    await expect(api.runs.save({ metrics: metrics as never })).rejects.toThrow(
      'metrics.config.version: made by a newer FedStudio (config version 99; this one reads up to 1)',
    );
    await expect(api.experiments.importConfig({ json: JSON.stringify({ version: 99 }) })).rejects.toThrow(
      'invalid config: version: made by a newer FedStudio (config version 99; this one reads up to 1)',
    );
  });

  it('was never modified in place (nor regenerated)', () => {
    expect(sha256(FIXTURE)).toBe(FIXTURE_SHA256);
  });
});
