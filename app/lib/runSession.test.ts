import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultConfig, parseConfig } from '../../core/config/schema';
import type { EngineEvent } from '../../core/engine/events';
import type { RoundMetrics } from '../../core/report/metrics';
import { pauseRun, resetRun, runOrResume, showVariant, stepOneRound } from './runSession';
import { idleRun, useStudio } from './store';

let emit: (event: EngineEvent) => void = () => undefined;
let emitTo: (variant: number, event: EngineEvent) => void = () => undefined;
let started: unknown[] = [];
let settling = false;
let clock = Date.now();
vi.mock('./chartQueue', () => ({ chartsSettling: () => settling }));
const calls: string[] = [];
vi.mock('./coordinatorClient', () => ({
  coordinator: () => ({
    start: async (configs: unknown[], _workers: unknown, onEvent: (variant: number, e: EngineEvent) => void, mode: string) => {
      calls.push(`start:${mode}`);
      started = configs;
      emitTo = onEvent;
      emit = (event) => onEvent(0, event);
    },
    pause: async () => void calls.push('pause'),
    resume: async () => void calls.push('resume'),
    step: async () => void calls.push('step'),
    stop: async () => void calls.push('stop'),
  }),
}));

const config = parseConfig({ rounds: 2, partition: { numClients: 4 } });
const environment = { backend: 'wasm', simd: true, workers: 1, runtime: 'browser' } as const;
const partition = { counts: [[1]], sizes: [1, 1, 1, 1], hellinger: [0, 0, 0, 0], meanHellinger: 0 };

function round(r: number, durationMs: number, clients: RoundMetrics['clients'] = []): RoundMetrics {
  return { round: r, testAccuracy: 0.5 + r / 10, testLoss: 1, federatedAccuracy: NaN, durationMs, bytesUp: 0, bytesDown: 0, clients };
}

const client = (id: number, localAccuracy: number, dropped = false) => ({
  id,
  numExamples: 10,
  trainLoss: 1,
  localAccuracy,
  updateNorm: 1,
  dropped,
  straggler: false,
});

beforeEach(() => {
  // Each test's clock starts well after the last one's, as real time would: the flush throttle remembers its last call.
  vi.useFakeTimers({ now: (clock += 60_000) });
  settling = false;
  calls.length = 0;
  useStudio.setState({ config, variants: [], shownVariant: 0, poolSize: null, run: idleRun(2), rounds: [], clientStates: [], lastAccuracy: [] });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('run session', () => {
  it('folds engine events into run state, client states and rounds', async () => {
    await runOrResume();
    expect(calls).toEqual(['start:run']);
    expect(useStudio.getState().run.status).toBe('starting');

    emit({ type: 'run-started', config, partition, environment });
    emit({ type: 'round-done', metrics: round(0, 5) });
    emit({ type: 'round-started', round: 1, sampled: [0, 2, 3], dropped: [3] });
    emit({ type: 'client-done', round: 1, clientId: 2 });
    vi.advanceTimersByTime(1_000);
    let s = useStudio.getState();
    expect(s.environment).toEqual(environment);
    expect(s.run).toMatchObject({ status: 'running', round: 0, activeRound: 1 });
    expect(s.clientStates).toEqual(['training', 'idle', 'done', 'dropped']);

    emit({ type: 'client-done', round: 1, clientId: 0 });
    emit({ type: 'round-done', metrics: round(1, 300, [client(0, 0.7), client(2, 0.9), client(3, NaN, true)]) });
    vi.advanceTimersByTime(1_000);
    s = useStudio.getState();
    expect(s.rounds.map((r) => r.round)).toEqual([0, 1]);
    expect(s.lastAccuracy).toEqual([0.7, undefined, 0.9, undefined]);
    expect(s.run).toMatchObject({ round: 1, activeRound: null, msPerRound: 300 });

    emit({ type: 'run-finished', reason: 'diverged', message: 'training diverged at round 2', rounds: 1 });
    vi.advanceTimersByTime(1_000);
    expect(useStudio.getState().run).toMatchObject({ status: 'finished', endReason: 'diverged', message: 'training diverged at round 2' });
  });

  it('pauses, resumes and steps through the coordinator', async () => {
    await stepOneRound();
    emit({ type: 'run-started', config, partition, environment });
    await pauseRun();
    expect(useStudio.getState().run.status).toBe('pausing');
    emit({ type: 'paused', round: 1 });
    vi.advanceTimersByTime(1_000);
    expect(useStudio.getState().run).toMatchObject({ status: 'paused', round: 1 });
    await stepOneRound();
    expect(useStudio.getState().run.status).toBe('running');
    emit({ type: 'paused', round: 2 });
    await runOrResume();
    expect(calls).toEqual(['start:step', 'pause', 'step', 'resume']);
  });

  it('holds a round back while a chart settles, at most four flush periods, and applies it with its status', async () => {
    await runOrResume();
    emit({ type: 'run-started', config, partition, environment });
    vi.advanceTimersByTime(1_000);
    settling = true;
    emit({ type: 'round-done', metrics: round(0, 5) });
    vi.advanceTimersByTime(400);
    expect(useStudio.getState().rounds).toEqual([]);
    vi.advanceTimersByTime(400);
    // Deferred 4 × 150 ms, then applied anyway: the rounds and the run status arrive in one update.
    expect(useStudio.getState().rounds.map((r) => r.round)).toEqual([0]);
    expect(useStudio.getState().run).toMatchObject({ round: 0 });
  });

  it('applies what events changed before a user action, so a later event patch cannot undo it', async () => {
    await runOrResume();
    emit({ type: 'run-started', config, partition, environment });
    await pauseRun();
    vi.advanceTimersByTime(1_000);
    expect(useStudio.getState().run.status).toBe('pausing');
  });

  it('starts a new run epoch on every start and reset (views drop an older epoch’s data at once)', async () => {
    const before = useStudio.getState().runEpoch;
    await runOrResume();
    const started = useStudio.getState().runEpoch;
    expect(started).not.toBe(before);
    await resetRun();
    expect(useStudio.getState().runEpoch).not.toBe(started);
  });

  it('ignores late events of a run that was reset', async () => {
    await runOrResume();
    const stale = emit;
    await resetRun();
    stale({ type: 'run-started', config: defaultConfig(), partition, environment });
    stale({ type: 'round-done', metrics: round(0, 5) });
    vi.advanceTimersByTime(1_000);
    expect(calls).toEqual(['start:run', 'stop']);
    expect(useStudio.getState().run).toEqual(idleRun(2));
    expect(useStudio.getState().rounds).toEqual([]);
    expect(useStudio.getState().environment).toBeNull();
  });

  it('runs every variant: their rounds land in one store update, the run ends when all have, the views show the chosen one', async () => {
    const skewed = { ...partition, meanHellinger: 0.8 };
    useStudio.setState({ variants: [{ set: { 'aggregator.name': 'median' } }] });
    await runOrResume();
    expect(started).toHaveLength(2);
    expect(useStudio.getState().runLabels).toEqual(['mean', 'median']);
    let updates = 0;
    const off = useStudio.subscribe(() => updates++);
    for (const v of [0, 1]) {
      emitTo(v, { type: 'run-started', config, partition: v === 0 ? partition : skewed, environment });
      emitTo(v, { type: 'round-done', metrics: round(0, 5) });
      emitTo(v, { type: 'round-done', metrics: { ...round(1, 300), testAccuracy: v === 0 ? 0.1 : 0.9 } });
    }
    emitTo(0, { type: 'run-finished', reason: 'completed', message: '', rounds: 1 });
    updates = 0;
    vi.advanceTimersByTime(1_000);
    off();
    expect(updates).toBe(1);
    let s = useStudio.getState();
    expect(s.runs.map((rounds) => rounds.map((r) => r.testAccuracy))).toEqual([[0.5, 0.1], [0.5, 0.9]]);
    expect(s.rounds).toBe(s.runs[0]);
    expect(s.run.status).toBe('running');
    emitTo(1, { type: 'run-finished', reason: 'completed', message: '', rounds: 1 });
    vi.advanceTimersByTime(1_000);
    expect(useStudio.getState().run).toMatchObject({ status: 'finished', endReason: 'completed', round: 1 });
    showVariant(1);
    s = useStudio.getState();
    expect(s.shownVariant).toBe(1);
    expect(s.rounds.map((r) => r.testAccuracy)).toEqual([0.5, 0.9]);
    expect(s.partition.stats).toBe(skewed);
  });
});
