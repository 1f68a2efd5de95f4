// Run controls and the engine event stream. Events are folded into plain state here (outside React) and copied into
// the store in one update at most every FLUSH_MS, so a burst of client-done events costs one render.
import * as Comlink from 'comlink';
import type { EngineEvent } from '../../core/engine/events';
import type { RoundMetrics } from '../../core/report/metrics';
import { chartsSettling } from './chartQueue';
import { coordinator } from './coordinatorClient';
import { idleRun, useStudio, type ClientState, type RunView, type StudioState } from './store';
import { throttle } from './throttle';

const FLUSH_MS = 150;

interface RawRun {
  rounds: RoundMetrics[];
  clientStates: ClientState[];
  lastAccuracy: (number | undefined)[];
}

const emptyRaw = (numClients: number): RawRun => ({
  rounds: [],
  clientStates: new Array<ClientState>(numClients).fill('idle'),
  lastAccuracy: new Array<number | undefined>(numClients).fill(undefined),
});

let raw: RawRun = emptyRaw(0);
/** Which parts of `raw` changed since the last flush (unchanged parts keep their identity: no re-render). */
const dirty = { rounds: false, clients: false };
/** Bumped on every start and reset: events of an older run are ignored (the store's `runEpoch`). */
let runId = 0;
/** Listeners told after each completed round (decision boundaries refresh from here). */
const roundListeners = new Set<() => void>();

/** Run-status changes waiting for the next flush, applied together with the rounds they belong to. */
let pendingRun: Partial<RunView> | null = null;
/**
 * A chart that just received data finishes with a synchronous recharts render; a store update in the same task would
 * make one long main-thread task of both. So a flush waits while a chart settles, but at most MAX_DEFERRALS periods.
 */
const MAX_DEFERRALS = 4;
let deferrals = 0;

/** Copies what the events changed into the store, in one update. */
function applyPending(): void {
  const patch: Partial<StudioState> = {};
  if (dirty.rounds) patch.rounds = raw.rounds.slice();
  if (dirty.clients) {
    patch.clientStates = raw.clientStates.slice();
    patch.lastAccuracy = raw.lastAccuracy.slice();
  }
  dirty.rounds = false;
  dirty.clients = false;
  const runPatch = pendingRun;
  pendingRun = null;
  if (runPatch) useStudio.setState((s) => ({ ...patch, run: { ...s.run, ...runPatch } }));
  else if (Object.keys(patch).length > 0) useStudio.setState(patch);
}

const flusher = throttle(() => {
  if (chartsSettling() && deferrals < MAX_DEFERRALS) {
    deferrals++;
    flusher.schedule();
    return;
  }
  deferrals = 0;
  applyPending();
}, FLUSH_MS);

/** A run-status change from an engine event: applied with the next flush. */
function queueRunPatch(patch: Partial<RunView>): void {
  pendingRun = { ...pendingRun, ...patch };
  flusher.schedule();
}

export function onRoundDone(listener: () => void): () => void {
  roundListeners.add(listener);
  return () => roundListeners.delete(listener);
}

/** Before a user action: apply what the events changed so far, so the action sees it and no later flush undoes it. */
function settleEvents(): void {
  flusher.cancel();
  applyPending();
}

function patchRun(patch: Partial<RunView>): void {
  useStudio.setState((s) => ({ run: { ...s.run, ...patch } }));
}

function meanRoundMs(rounds: RoundMetrics[]): number | null {
  const timed = rounds.filter((r) => r.round >= 1 && Number.isFinite(r.durationMs));
  if (timed.length === 0) return null;
  return timed.reduce((sum, r) => sum + r.durationMs, 0) / timed.length;
}

function handle(event: EngineEvent): void {
  switch (event.type) {
    case 'run-started':
      raw = emptyRaw(event.config.partition.numClients);
      dirty.clients = true;
      useStudio.setState({ environment: event.environment, partition: { stats: event.partition, error: null } });
      queueRunPatch({ status: 'running' });
      break;
    case 'round-started': {
      raw.clientStates.fill('idle');
      for (const id of event.sampled) raw.clientStates[id] = 'training';
      for (const id of event.dropped) raw.clientStates[id] = 'dropped';
      dirty.clients = true;
      queueRunPatch({ activeRound: event.round });
      break;
    }
    case 'client-done':
      if (raw.clientStates[event.clientId] === 'training') raw.clientStates[event.clientId] = 'done';
      dirty.clients = true;
      break;
    case 'round-done': {
      const { metrics } = event;
      raw.rounds.push(metrics);
      for (const c of metrics.clients) {
        if (c.dropped) raw.clientStates[c.id] = 'dropped';
        if (Number.isFinite(c.localAccuracy)) raw.lastAccuracy[c.id] = c.localAccuracy;
      }
      dirty.rounds = true;
      dirty.clients = true;
      queueRunPatch({ round: metrics.round, activeRound: null, msPerRound: meanRoundMs(raw.rounds) });
      for (const listener of roundListeners) listener();
      break;
    }
    case 'paused':
      queueRunPatch({ status: 'paused', round: event.round });
      break;
    case 'run-finished':
      queueRunPatch({ status: 'finished', endReason: event.reason, message: event.message, activeRound: null });
      break;
  }
  if (dirty.rounds || dirty.clients) flusher.schedule();
}

async function start(mode: 'run' | 'step'): Promise<void> {
  const { config, poolSize } = useStudio.getState();
  const id = ++runId;
  raw = emptyRaw(config.partition.numClients);
  flusher.cancel();
  pendingRun = null;
  dirty.rounds = dirty.clients = false;
  useStudio.setState({
    run: { ...idleRun(config.rounds), status: 'starting' },
    rounds: [],
    runEpoch: id,
    clientStates: raw.clientStates.slice(),
    lastAccuracy: raw.lastAccuracy.slice(),
    environment: null,
    boundary: null,
  });
  // One config for now: the studio's variants view builds on the variant index.
  const onEvent = Comlink.proxy((variant: number, event: EngineEvent) => {
    if (id === runId && variant === 0) handle(event);
  });
  try {
    await coordinator().start([config], poolSize, onEvent, mode);
  } catch (error) {
    if (id !== runId) return;
    patchRun({ status: 'finished', endReason: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}

/** Run: start a fresh run, continue a paused one, or start over after a finished one. */
export async function runOrResume(): Promise<void> {
  settleEvents();
  const { status } = useStudio.getState().run;
  if (status === 'paused') {
    patchRun({ status: 'running' });
    await coordinator().resume();
  } else if (status === 'idle' || status === 'finished') {
    await start('run');
  }
}

/** Step one round: from idle this starts a run that pauses after round 1. */
export async function stepOneRound(): Promise<void> {
  settleEvents();
  const { status } = useStudio.getState().run;
  if (status === 'paused') {
    patchRun({ status: 'running' });
    await coordinator().step();
  } else if (status === 'idle' || status === 'finished') {
    await start('step');
  }
}

/** Pause after the round in progress. */
export async function pauseRun(): Promise<void> {
  settleEvents();
  if (useStudio.getState().run.status !== 'running') return;
  patchRun({ status: 'pausing' });
  await coordinator().pause();
}

/** Stop any run and clear its results (the config stays). */
export async function resetRun(): Promise<void> {
  runId++;
  flusher.cancel();
  pendingRun = null;
  dirty.rounds = dirty.clients = false;
  const { config, run } = useStudio.getState();
  const wasActive = run.status !== 'idle';
  raw = emptyRaw(config.partition.numClients);
  useStudio.setState({
    run: idleRun(config.rounds),
    rounds: [],
    runEpoch: runId,
    clientStates: raw.clientStates.slice(),
    lastAccuracy: raw.lastAccuracy.slice(),
    environment: null,
    boundary: null,
  });
  if (wasActive) await coordinator().stop();
}
