import { describe, expect, it } from 'vitest';
import { maliciousClients } from '../attack/malicious';
import { changesAt, configAtRound, isLiveSetting, liveSettingProblem, withChange, workerSideChanged } from './schedule';
import { ConfigError, defaultConfig, parseConfig, type ExperimentConfigInput } from './schema';

const base: ExperimentConfigInput = { rounds: 6, attack: { kind: 'sign-flip', fraction: 0.2 } };
const issuesOf = (input: ExperimentConfigInput) => {
  try {
    parseConfig(input);
  } catch (error) {
    if (error instanceof ConfigError) return error.issues;
    throw error;
  }
  return [];
};

describe('the schedule of live changes', () => {
  it('is absent unless given: defaults, and configs without changes, parse as before', () => {
    expect('schedule' in defaultConfig()).toBe(false);
    expect('schedule' in parseConfig(base)).toBe(false);
    expect(parseConfig({ ...base, schedule: [] }).schedule).toEqual([]);
  });

  it('lists the live settings: server-side sections and fields, not data, partition, model, seed or DP mode', () => {
    for (const path of ['aggregator.name', 'aggregator.f', 'aggregator.nnm', 'strategy.serverLr', 'attack.kind', 'attack.fraction', 'sampling.fraction', 'system.dropoutProb']) {
      expect(isLiveSetting(path), path).toBe(true);
    }
    for (const path of ['data.dataset', 'partition.alpha', 'model.kind', 'seed', 'rounds', 'train.lr', 'privacy.mode', 'compression.sparsify', 'aggregator']) {
      expect(isLiveSetting(path), path).toBe(false);
    }
    expect(liveSettingProblem('data.dataset')).toMatch(/^`data.dataset` cannot change during a run: live settings are aggregator\.\*/);
  });

  it("makes central DP's z and S live only when central DP runs from the start, S only under fixed clipping", () => {
    const none = parseConfig({});
    const central = parseConfig({ privacy: { mode: 'central' } });
    const adaptive = parseConfig({ privacy: { mode: 'central', clipping: 'adaptive', noiseMultiplier: 0.5 }, sampling: { fraction: 1 } });
    expect(isLiveSetting('privacy.noiseMultiplier', central)).toBe(true);
    expect(isLiveSetting('privacy.clipNorm', central)).toBe(true);
    expect(liveSettingProblem('privacy.noiseMultiplier', none)).toMatch(/only under central DP/);
    expect(isLiveSetting('privacy.noiseMultiplier', adaptive)).toBe(true);
    expect(liveSettingProblem('privacy.clipNorm', adaptive)).toMatch(/adaptive clipping/);
  });

  it('is validated by the schema, each issue on its field', () => {
    expect(issuesOf({ ...base, schedule: [{ round: 3, set: { 'aggregator.name': 'medain' } }] })).toEqual([
      { path: 'schedule.0.set.aggregator.name', message: expect.stringMatching(/^must be one of "mean", .*\(got "medain"\)$/) },
    ]);
    expect(issuesOf({ ...base, schedule: [{ round: 3, set: { 'data.dataset': 'moons' } }] })).toEqual([
      { path: 'schedule.0.set.data.dataset', message: expect.stringMatching(/^`data.dataset` cannot change during a run: live settings are/) },
    ]);
    expect(issuesOf({ ...base, schedule: [{ round: 7, set: { 'aggregator.name': 'median' } }] })).toEqual([
      { path: 'schedule.0.round', message: 'must be ≤ rounds (6) (got 7)' },
    ]);
    expect(issuesOf({ ...base, schedule: [{ round: 4, set: { 'aggregator.name': 'median' } }, { round: 2, set: { 'aggregator.name': 'mean' } }] })).toEqual([
      { path: 'schedule.1.round', message: "must be ≥ the previous change's round (4) (got 2)" },
    ]);
    expect(issuesOf({ ...base, schedule: [{ round: 0, set: { 'aggregator.name': 'median' } }] })[0].path).toBe('schedule.0.round');
    expect(issuesOf({ ...base, schedule: [{ round: 2, set: {} }] })[0]).toMatchObject({ path: 'schedule.0.set', message: /names no setting/ });
    expect(issuesOf({ ...base, schedule: [{ round: 2, set: { 'aggregator.bogus': 1 } }] })[0]).toMatchObject({
      path: 'schedule.0.set.aggregator.bogus',
      message: 'unknown field(s) "bogus"',
    });
    // A rule between fields, broken by the change: central DP needs the mean.
    const central: ExperimentConfigInput = { rounds: 6, privacy: { mode: 'central' } };
    expect(issuesOf({ ...central, schedule: [{ round: 2, set: { 'aggregator.name': 'median' } }] })).toEqual([
      { path: 'schedule.0.set.aggregator.name', message: expect.stringMatching(/^central DP/) },
    ]);
    expect(issuesOf({ rounds: 6, schedule: [{ round: 2, set: { 'privacy.noiseMultiplier': 2 } }] })[0]).toMatchObject({
      path: 'schedule.0.set.privacy.noiseMultiplier',
      message: /only under central DP/,
    });
  });

  it('configAtRound: the base before the first change, then every change up to the round, in order', () => {
    const config = parseConfig({
      ...base,
      schedule: [
        { round: 3, set: { 'aggregator.name': 'median' } },
        { round: 5, set: { 'aggregator.name': 'trimmed-mean', 'attack.fraction': 0.4 } },
      ],
    });
    const { schedule: _, ...plain } = config;
    expect(configAtRound(config, 0)).toEqual(plain);
    expect(configAtRound(config, 2)).toEqual(plain);
    expect(configAtRound(config, 3)).toEqual({ ...plain, aggregator: { ...plain.aggregator, name: 'median' } });
    expect(configAtRound(config, 6)).toEqual({
      ...plain,
      aggregator: { ...plain.aggregator, name: 'trimmed-mean' },
      attack: { ...plain.attack, fraction: 0.4 },
    });
    expect('schedule' in configAtRound(config, 6)).toBe(false);
    expect(changesAt(config, 5)).toEqual({ 'aggregator.name': 'trimmed-mean', 'attack.fraction': 0.4 });
    expect(changesAt(config, 4)).toBeUndefined();
  });

  it('withChange: appends the change, or throws naming the path of the set', () => {
    const config = parseConfig(base);
    expect(withChange(config, 4, { 'aggregator.name': 'median' }).schedule).toEqual([{ round: 4, set: { 'aggregator.name': 'median' } }]);
    expect(() => withChange(config, 4, { 'aggregator.name': 'medain' })).toThrow(/^aggregator\.name: must be one of/);
    expect(() => withChange(config, 4, { 'partition.alpha': 0.1 })).toThrow(/^partition\.alpha: `partition\.alpha` cannot change during a run/);
    expect(() => withChange(config, 7, { 'aggregator.name': 'median' })).toThrow(/no round left to change \(the run has 6\)/);
  });

  it('raising the malicious fraction adds attackers to the same ones (one seeded permutation)', () => {
    const at = (fraction: number) => [...maliciousClients(parseConfig({ ...base, partition: { numClients: 50 }, attack: { kind: 'sign-flip', fraction } }))];
    const few = at(0.1);
    const more = at(0.3);
    expect(few).toHaveLength(5);
    expect(more.slice(0, 5)).toEqual(few);
  });

  it('workerSideChanged: the attack and the strategy’s client hook (FedProx μ) reach the workers, the rest does not', () => {
    const config = parseConfig(base);
    const at = (set: Record<string, unknown>) => configAtRound(withChange(config, 2, set), 2);
    expect(workerSideChanged(config, at({ 'aggregator.name': 'median' }))).toBe(false);
    expect(workerSideChanged(config, at({ 'sampling.fraction': 0.8 }))).toBe(false);
    expect(workerSideChanged(config, at({ 'strategy.name': 'fedavgm' }))).toBe(false);
    expect(workerSideChanged(config, at({ 'strategy.name': 'fedprox' }))).toBe(true);
    expect(workerSideChanged(config, at({ 'attack.kind': 'label-flip' }))).toBe(true);
  });
});
