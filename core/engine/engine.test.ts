import { describe, expect, it } from 'vitest';
import { parseConfig, type ExperimentConfigInput } from '../config/schema';
import { l2Norm } from '../math/vector';
import { RoundEngine } from './engine';
import { ToyExecutor, type ToyExecutorOptions } from './testing/toyExecutor';
import type { EngineEvent } from './events';
import type { RoundMetrics } from '../report/metrics';

const baseConfig: ExperimentConfigInput = {
  seed: 7,
  rounds: 3,
  partition: { numClients: 6 },
  sampling: { fraction: 0.5, minClients: 2 },
  train: { lr: 0.05, localEpochs: 1 },
};

function setup(overrides: ExperimentConfigInput = {}, options: ToyExecutorOptions = {}) {
  const config = parseConfig({ ...baseConfig, ...overrides });
  const executor = new ToyExecutor(options);
  const engine = new RoundEngine(config, executor, { runtime: 'node' });
  const events: EngineEvent[] = [];
  engine.on((e) => events.push(e));
  return { config, executor, engine, events };
}

const withoutTimes = (rounds: RoundMetrics[]) => rounds.map(({ durationMs: _, ...rest }) => rest);

describe('RoundEngine', () => {
  it('emits run-started, round 0, then per round: round-started, client-done…, round-done; then run-finished', async () => {
    const { engine, events } = setup();
    const end = await engine.run();
    expect(end).toEqual({ type: 'run-finished', reason: 'completed', message: 'completed 3 rounds', rounds: 3 });
    const kinds = events.map((e) => (e.type === 'round-done' ? `done${e.metrics.round}` : e.type));
    const round = ['round-started', 'client-done', 'client-done', 'client-done'];
    expect(kinds).toEqual([
      'run-started', 'done0',
      ...round, 'done1',
      ...round, 'done2',
      ...round, 'done3',
      'run-finished',
    ]);
    const started = events[0];
    expect(started.type === 'run-started' && started.environment).toEqual({
      backend: 'cpu', simd: false, workers: 1, runtime: 'node',
    });
  });

  it('records round 0 as the initial model with no clients, then rounds 1..R', async () => {
    const { engine } = setup();
    await engine.run();
    const { rounds, config, environment } = engine.getMetrics();
    expect(config.rounds).toBe(3);
    expect(environment.runtime).toBe('node');
    expect(rounds.map((r) => r.round)).toEqual([0, 1, 2, 3]);
    expect(rounds[0]).toMatchObject({ bytesUp: 0, bytesDown: 0, clients: [] });
    expect(Number.isNaN(rounds[0].federatedAccuracy)).toBe(true);
    expect(rounds[3].testLoss).toBeLessThan(rounds[0].testLoss);
  });

  it('aggregates the updates sorted by client id, FedAvg-weighted by examples, and evaluates the new model', async () => {
    const { engine, executor } = setup({ rounds: 1 });
    const events: number[][] = [];
    engine.on((e) => e.type === 'client-done' && events.push([e.clientId]));
    await engine.run();
    const [tasks] = executor.calls;
    const updates = executor.updates;
    // The toy executor reports completion in reverse order; the metrics are in client-id order anyway.
    expect(events.flat()).toEqual([...tasks.map((t) => t.clientId)].reverse());
    const round = engine.getMetrics().rounds[1];
    expect(round.clients.map((c) => c.id)).toEqual(tasks.map((t) => t.clientId));
    const total = updates.reduce((s, u) => s + u.numExamples, 0);
    const expected = tasks[0].weights.map(
      (w, j) => w + updates.reduce((s, u) => s + u.numExamples * u.delta[j], 0) / total,
    );
    const global = engine.getGlobalWeights();
    expected.forEach((v, j) => expect(global[j]).toBeCloseTo(v, 6));
    expect(round.clients.map((c) => c.updateNorm)).toEqual(updates.map((u) => l2Norm(u.delta)));
    const fed = updates.reduce((s, u) => s + u.numExamples * u.localAccuracy, 0) / total;
    expect(round.federatedAccuracy).toBeCloseTo(fed, 12);
    expect(round.testLoss).toBe((await executor.evaluate(global)).loss);
  });

  it('counts bytes: down = 4·d per sampled client, up = 4·d per update received', async () => {
    const { engine, executor } = setup({ rounds: 4, system: { dropoutProb: 0.5 } });
    await engine.run();
    const d = 3;
    const rounds = engine.getMetrics().rounds.slice(1);
    for (const [i, r] of rounds.entries()) {
      const received = r.clients.filter((c) => !c.dropped);
      expect(r.bytesDown).toBe(4 * d * r.clients.length);
      expect(r.bytesUp).toBe(4 * d * received.length);
      if (received.length > 0) {
        expect(executor.calls.find((c) => c[0].round === i + 1)?.map((t) => t.clientId)).toEqual(received.map((c) => c.id));
      }
    }
    expect(rounds.some((r) => r.clients.some((c) => c.dropped))).toBe(true);
    const dropped = rounds.flatMap((r) => r.clients.filter((c) => c.dropped));
    expect(dropped.every((c) => Number.isNaN(c.updateNorm) && Number.isNaN(c.localAccuracy))).toBe(true);
  });

  it('passes the straggler work fraction to the executor', async () => {
    const { engine, executor } = setup({ rounds: 1, system: { stragglerFraction: 0.34, stragglerWork: 0.4 } });
    await engine.run();
    const clients = engine.getMetrics().rounds[1].clients;
    const stragglers = clients.filter((c) => c.straggler).map((c) => c.id);
    expect(stragglers).toHaveLength(1); // round(0.34 · 3)
    for (const task of executor.calls[0]) expect(task.workFraction).toBe(stragglers.includes(task.clientId) ? 0.4 : 1);
    expect(executor.updates.find((u) => stragglers.includes(u.clientId))?.steps).toBe(2); // round(5 · 0.4)
  });

  it('keeps the global model and says so when every client drops out', async () => {
    const { engine, executor, events } = setup({ rounds: 2, system: { stragglerFraction: 1, stragglerMode: 'drop' } });
    const end = await engine.run();
    expect(end.reason).toBe('completed');
    expect(executor.calls).toHaveLength(0);
    const [r0, r1, r2] = engine.getMetrics().rounds;
    expect(r1.note).toBe('every sampled client dropped out: the global model is unchanged');
    expect(r1).toMatchObject({ bytesUp: 0, bytesDown: 4 * 3 * 3, testLoss: r0.testLoss });
    expect(r2.testLoss).toBe(r0.testLoss);
    const started = events.find((e) => e.type === 'round-started');
    expect(started?.type === 'round-started' && started.dropped).toEqual(started?.type === 'round-started' && started.sampled);
  });

  it('counts a client the executor lost as dropped this round, and notes retries and losses', async () => {
    const probe = setup({ rounds: 1 });
    await probe.engine.run();
    const [first, second, third] = probe.engine.getMetrics().rounds[1].clients.map((c) => c.id);
    const { engine } = setup({ rounds: 2 }, { faultsAtRound: { round: 1, retried: [first], lost: [second] } });
    expect((await engine.run()).reason).toBe('completed');
    const [, r1, r2] = engine.getMetrics().rounds;
    expect(r1.clients.map((c) => [c.id, c.dropped])).toEqual([[first, false], [second, true], [third, false]]);
    expect(r1.note).toBe(
      `client ${first} retried on a fresh worker (worker thread exited (code 1)); ` +
        `client ${second} lost on two workers in a row, counted as dropped (worker thread exited (code 1))`,
    );
    // The round aggregated the two updates it received; the next round is whole again.
    expect(r1.bytesUp).toBe(2 * 4 * 3);
    expect(r2.note).toBeUndefined();
    expect(r2.clients.every((c) => !c.dropped)).toBe(true);
  });

  it('gives identical metrics for the same config', async () => {
    const a = setup({ system: { dropoutProb: 0.3, stragglerFraction: 0.5 } });
    const b = setup({ system: { dropoutProb: 0.3, stragglerFraction: 0.5 } });
    await a.engine.run();
    await b.engine.run();
    expect(withoutTimes(b.engine.getMetrics().rounds)).toEqual(withoutTimes(a.engine.getMetrics().rounds));
    expect(b.engine.getGlobalWeights()).toEqual(a.engine.getGlobalWeights());
  });

  it('pause() stops after the round in flight; resume() continues to the end', async () => {
    const { engine, events } = setup({ rounds: 4 });
    engine.on((e) => e.type === 'round-done' && e.metrics.round === 2 && engine.pause());
    let finished = false;
    const run = engine.run().then(() => (finished = true));
    await new Promise<void>((resolve) => engine.on((e) => e.type === 'paused' && resolve()));
    await new Promise((r) => setTimeout(r, 20));
    expect(finished).toBe(false);
    expect(events.at(-1)).toEqual({ type: 'paused', round: 2 });
    expect(engine.getMetrics().rounds).toHaveLength(3);
    engine.resume();
    await run;
    expect(engine.getMetrics().rounds).toHaveLength(5);
  });

  it('step() runs one round at a time (from the start: round 0 and round 1)', async () => {
    const { engine, events } = setup({ rounds: 3 });
    await engine.step();
    expect(engine.getMetrics().rounds.map((r) => r.round)).toEqual([0, 1]);
    expect(events.at(-1)).toEqual({ type: 'paused', round: 1 });
    await engine.step();
    expect(engine.getMetrics().rounds.map((r) => r.round)).toEqual([0, 1, 2]);
    expect(events.at(-1)).toEqual({ type: 'paused', round: 2 });
    const end = await engine.run();
    expect(end.reason).toBe('completed');
    expect(events.filter((e) => e.type === 'paused')).toHaveLength(2);
  });

  it('stop() abandons the round in flight and finishes with reason "stopped"', async () => {
    let release!: () => void;
    const hold = new Promise<void>((r) => (release = r));
    const { engine, events } = setup(
      { rounds: 5 },
      { beforeTrain: async (tasks) => (tasks[0].round === 2 ? hold : undefined) },
    );
    engine.on((e) => e.type === 'round-started' && e.round === 2 && setTimeout(() => engine.stop(), 5));
    const end = await engine.run();
    release();
    await new Promise((r) => setTimeout(r, 10));
    expect(events.at(-1)?.type).toBe('run-finished'); // the abandoned round reports nothing
    expect(end).toEqual({ type: 'run-finished', reason: 'stopped', message: 'stopped after round 1', rounds: 1 });
    expect(engine.getMetrics().rounds.map((r) => r.round)).toEqual([0, 1]);
    expect(events.filter((e) => e.type === 'run-finished')).toHaveLength(1);
  });

  it('stop() while paused ends the run', async () => {
    const { engine } = setup();
    await engine.step();
    engine.stop();
    expect(await engine.run()).toMatchObject({ reason: 'stopped', rounds: 1 });
  });

  it('a huge learning rate diverges: run-finished "diverged" with a clear message', async () => {
    const { engine } = setup({ rounds: 30, train: { lr: 10, localEpochs: 1 } });
    const end = await engine.run();
    expect(end.reason).toBe('diverged');
    expect(end.message).toMatch(/^training diverged at round \d+: test loss is (NaN|Infinity) — lower the learning rate$/);
    const last = engine.getMetrics().rounds.at(-1)!;
    expect(end.rounds).toBe(last.round);
    expect(last.round).toBeLessThan(30);
    expect(Number.isFinite(last.testLoss)).toBe(false);
  });

  it('an executor error ends the run with reason "error" and its message', async () => {
    const { engine } = setup({}, { failAtRound: { round: 2, message: 'worker 1 crashed: out of memory' } });
    const end = await engine.run();
    expect(end).toMatchObject({ reason: 'error', message: 'worker 1 crashed: out of memory', rounds: 1 });
  });

  it('works with every strategy', async () => {
    for (const name of ['fedavg', 'fedprox', 'fedavgm', 'fedadam', 'fedyogi', 'fedadagrad'] as const) {
      const { engine } = setup({ rounds: 2, strategy: { name } });
      expect((await engine.run()).reason).toBe('completed');
      const [r0, , r2] = engine.getMetrics().rounds;
      expect(r2.testLoss).toBeLessThan(r0.testLoss);
    }
  });
});
