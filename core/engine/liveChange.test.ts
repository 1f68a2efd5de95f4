import { describe, expect, it } from 'vitest';
import { maliciousClients } from '../attack/malicious';
import { configAtRound } from '../config/schedule';
import { ConfigError, parseConfig, type ExperimentConfig, type ExperimentConfigInput } from '../config/schema';
import type { RoundMetrics } from '../report/metrics';
import { RoundEngine } from './engine';
import type { EngineEvent } from './events';
import { InProcessExecutor } from './inProcessExecutor';
import { ToyExecutor, type ToyExecutorOptions } from './testing/toyExecutor';

const signFlip: ExperimentConfigInput = {
  seed: 11,
  rounds: 7,
  partition: { numClients: 10 },
  sampling: { fraction: 0.6, minClients: 2 },
  train: { lr: 0.05 },
  attack: { kind: 'sign-flip', fraction: 0.3 },
};

/** The toy executor, counting prepare calls (the workers' re-initialisations). */
class CountingExecutor extends ToyExecutor {
  readonly prepares: ExperimentConfig[] = [];
  override prepare(config: ExperimentConfig) {
    this.prepares.push(config);
    return super.prepare(config);
  }
}

function engineFor(input: ExperimentConfig | ExperimentConfigInput, options: ToyExecutorOptions = {}) {
  const executor = new CountingExecutor(options);
  const engine = new RoundEngine(parseConfig(input), executor, { runtime: 'node' });
  const events: EngineEvent[] = [];
  engine.on((e) => events.push(e));
  return { engine, executor, events };
}

/** Runs `input`, calling change(set) while round `during` is in flight; the metrics and what happened. */
async function runWithChange(input: ExperimentConfigInput, during: number, set: Record<string, unknown>) {
  let landed: { round: number } | null = null;
  let engine: RoundEngine | null = null;
  const beforeTrain = async (tasks: { round: number }[]) => {
    if (tasks[0].round === during) landed = engine!.change(set);
  };
  const run = engineFor(input, { beforeTrain });
  engine = run.engine;
  const end = await run.engine.run();
  return { ...run, end, landed: landed as { round: number } | null };
}

/** Everything but the wall-clock times, which differ between any two runs. */
const numbers = (rounds: RoundMetrics[]) => rounds.map(({ durationMs: _, ...rest }) => rest);

describe('RoundEngine live changes', () => {
  it('mean → median while round 3 runs: applies from round 4, recorded in the config and the round, replays bit for bit', async () => {
    const live = await runWithChange(signFlip, 3, { 'aggregator.name': 'median' });
    expect(live.end.message).toBe('completed 7 rounds');
    expect(live.landed).toEqual({ round: 4 });
    expect(live.events.filter((e) => e.type === 'changed')).toEqual([{ type: 'changed', round: 4, set: { 'aggregator.name': 'median' } }]);
    const metrics = live.engine.getMetrics();
    expect(metrics.config.schedule).toEqual([{ round: 4, set: { 'aggregator.name': 'median' } }]);
    expect(metrics.rounds.map((r) => r.changes)).toEqual([undefined, undefined, undefined, undefined, { 'aggregator.name': 'median' }, undefined, undefined, undefined]);
    // The median's per-client decisions appear from round 4 on (the mean reports none).
    expect(metrics.rounds[3].clients.some((c) => c.decision)).toBe(false);
    expect(metrics.rounds[4].clients.every((c) => c.decision)).toBe(true);
    // The aggregator is server-side: the workers were prepared once.
    expect(live.executor.prepares).toHaveLength(1);

    const replay = engineFor(metrics.config);
    await replay.engine.run();
    expect(numbers(replay.engine.getMetrics().rounds)).toEqual(numbers(metrics.rounds));
    expect(replay.engine.getMetrics().config).toEqual(metrics.config);
    // …and differs from the run without the change from round 4 on.
    const plain = engineFor(signFlip);
    await plain.engine.run();
    const without = numbers(plain.engine.getMetrics().rounds);
    expect(without.slice(0, 4)).toEqual(numbers(metrics.rounds).slice(0, 4));
    expect(without[4].testLoss).not.toBe(metrics.rounds[4].testLoss);
  });

  it('replays several changes of every kind: strategy, attack strength, sampling, stragglers', async () => {
    const input: ExperimentConfigInput = { ...signFlip, strategy: { name: 'fedavgm' }, system: { stragglerFraction: 0.2 } };
    const { engine, executor } = engineFor(input);
    await engine.step(); // rounds 0 and 1
    expect(engine.change({ 'strategy.serverLr': 0.5, 'attack.fraction': 0.5 })).toEqual({ round: 2 });
    await engine.step();
    await engine.step();
    expect(engine.change({ 'sampling.fraction': 1, 'system.stragglerMode': 'drop' })).toEqual({ round: 4 });
    expect(engine.change({ 'attack.kind': 'none' })).toEqual({ round: 4 });
    await engine.run();
    const metrics = engine.getMetrics();
    expect(metrics.rounds[4].changes).toEqual({ 'sampling.fraction': 1, 'system.stragglerMode': 'drop', 'attack.kind': 'none' });
    // Round 2 on: the malicious set of fraction 0.5, a superset of 0.3's; round 4 on: no attack, every client sampled.
    const malicious = (r: number) => metrics.rounds[r].clients.filter((c) => c.malicious).map((c) => c.id);
    const at2 = maliciousClients(configAtRound(metrics.config, 2));
    expect(malicious(2).every((id) => at2.has(id))).toBe(true);
    expect([...maliciousClients(configAtRound(metrics.config, 1))].every((id) => at2.has(id))).toBe(true);
    expect(metrics.rounds[4].clients).toHaveLength(10);
    expect(metrics.rounds[4].clients.some((c) => 'malicious' in c)).toBe(false);
    // The attack reaches the workers: prepared again at rounds 2 and 4.
    expect(executor.prepares.map((c) => c.attack.fraction + c.attack.kind)).toEqual(['0.3sign-flip', '0.5sign-flip', '0.5none']);

    const replay = engineFor(metrics.config);
    await replay.engine.run();
    expect(numbers(replay.engine.getMetrics().rounds)).toEqual(numbers(metrics.rounds));
  });

  it('refuses a change naming the field: not live, invalid, or too late', async () => {
    let lastRound: unknown = null;
    const { engine, events } = engineFor(
      { ...signFlip, rounds: 2 },
      { beforeTrain: async (tasks) => void (tasks[0].round === 2 && (lastRound = refused({ 'aggregator.name': 'median' }))) },
    );
    const refused = (set: Record<string, unknown>) => {
      try {
        engine.change(set);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as ConfigError).issues;
      }
      throw new Error('accepted');
    };
    expect(refused({ 'data.dataset': 'moons' })).toEqual([
      { path: 'data.dataset', message: expect.stringMatching(/^`data.dataset` cannot change during a run: live settings are/) },
    ]);
    expect(refused({ 'aggregator.name': 'medain' })[0].path).toBe('aggregator.name');
    expect(refused({ 'privacy.noiseMultiplier': 2 })[0].message).toMatch(/only under central DP/);
    expect(() => engine.change({ 'aggregator.name': 'median' }, 0)).toThrow(/from round 1 at the earliest/);
    expect(engine.config.schedule).toBeUndefined();
    await engine.run();
    expect(lastRound).toEqual([{ path: '', message: 'no round left to change (the run has 2)' }]);
    expect(refused({ 'aggregator.name': 'median' })[0].message).toMatch(/the run has ended/);
    expect(events.some((e) => e.type === 'changed')).toBe(false);
  });

  it('central DP: a noise change mid-run is accounted round by round, and the replay gives the same ε', async () => {
    const input: ExperimentConfigInput = { ...signFlip, attack: { kind: 'none' }, privacy: { mode: 'central', noiseMultiplier: 1 } };
    const live = await runWithChange(input, 2, { 'privacy.noiseMultiplier': 3 });
    const rounds = live.engine.getMetrics().rounds;
    const gains = rounds.slice(1).map((r, i) => r.epsilon! - (rounds[i].epsilon ?? 0));
    // z = 3 from round 3: each round then costs less than one at z = 1.
    expect(gains[3]).toBeLessThan(gains[1]);
    const replay = engineFor(live.engine.getMetrics().config);
    await replay.engine.run();
    expect(numbers(replay.engine.getMetrics().rounds)).toEqual(numbers(rounds));
  });

  it('with real training in this thread: worker-side changes (a data attack, FedProx μ) replay bit for bit', async () => {
    const input: ExperimentConfigInput = {
      seed: 5,
      rounds: 4,
      data: { dataset: 'moons', numSamples: 300 },
      partition: { numClients: 8 },
      model: { kind: 'mlp', hidden: [8] },
      train: { lr: 0.2 },
      sampling: { fraction: 1 },
    };
    const noAssets = () => Promise.reject(new Error('the 2-D sets need no assets'));
    const live = new RoundEngine(parseConfig(input), new InProcessExecutor(noAssets), { runtime: 'node' });
    await live.step(); // rounds 0 and 1
    expect(live.change({ 'attack.kind': 'label-flip', 'attack.fraction': 0.25 })).toEqual({ round: 2 });
    await live.step();
    expect(live.change({ 'strategy.name': 'fedprox', 'strategy.proximalMu': 0.5, 'aggregator.name': 'median' })).toEqual({ round: 3 });
    await live.run();
    const metrics = live.getMetrics();
    expect(metrics.rounds[2].clients.filter((c) => c.malicious)).toHaveLength(2);

    const replay = new RoundEngine(metrics.config, new InProcessExecutor(noAssets), { runtime: 'node' });
    await replay.run();
    expect(numbers(replay.getMetrics().rounds)).toEqual(numbers(metrics.rounds));
    // The changes mattered: without them, rounds 2 on differ.
    const plain = new RoundEngine(parseConfig(input), new InProcessExecutor(noAssets), { runtime: 'node' });
    await plain.run();
    expect(plain.getMetrics().rounds[1].testLoss).toBe(metrics.rounds[1].testLoss);
    expect(plain.getMetrics().rounds[2].testLoss).not.toBe(metrics.rounds[2].testLoss);
  }, 60_000);
});
