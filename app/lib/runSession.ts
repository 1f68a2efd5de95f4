// Run controls and the engine event stream. Events are folded into plain arrays here (outside React) and copied into
// the store at most every FLUSH_MS, so a burst of client-done events costs one render.
import * as Comlink from 'comlink';
import type { EngineEvent, RoundMetrics } from '../../core/engine/types';
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
/** Bumped on every start and reset: events of an older run are ignored. */
let runId = 0;
/** Listeners told after each completed round (decision boundaries refresh from here). */
const roundListeners = new Set<() => void>();

const flusher = throttle(() => {
  const patch: Partial<StudioState> = {};
  if (dirty.rounds) patch.rounds = raw.rounds.slice();
  if (dirty.clients) {
    patch.clientStates = raw.clientStates.slice();
    patch.lastAccuracy = raw.lastAccuracy.slice();
  }
  dirty.rounds = false;
  dirty.clients = false;
  if (Object.keys(patch).length > 0) useStudio.setState(patch);
}, FLUSH_MS);

export function onRoundDone(listener: () => void): () => void {
  roundListeners.add(listener);
  return () => roundListeners.delete(listener);
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
      patchRun({ status: 'running' });
      break;
    case 'round-started': {
      raw.clientStates.fill('idle');
      for (const id of event.sampled) raw.clientStates[id] = 'training';
      for (const id of event.dropped) raw.clientStates[id] = 'dropped';
      dirty.clients = true;
      patchRun({ activeRound: event.round });
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
      // At once, not throttled: the charts and table must hold this round when the status says it is done.
      flusher.flush();
      patchRun({ round: metrics.round, activeRound: null, msPerRound: meanRoundMs(raw.rounds) });
      for (const listener of roundListeners) listener();
      break;
    }
    case 'paused':
      patchRun({ status: 'paused', round: event.round });
      break;
    case 'run-finished':
      patchRun({ status: 'finished', endReason: event.reason, message: event.message, activeRound: null });
      break;
  }
  if (dirty.rounds || dirty.clients) flusher.schedule();
}

async function start(mode: 'run' | 'step'): Promise<void> {
  const { config, poolSize } = useStudio.getState();
  const id = ++runId;
  raw = emptyRaw(config.partition.numClients);
  flusher.cancel();
  dirty.rounds = dirty.clients = false;
  useStudio.setState({
    run: { ...idleRun(config.rounds), status: 'starting' },
    rounds: [],
    clientStates: raw.clientStates.slice(),
    lastAccuracy: raw.lastAccuracy.slice(),
    environment: null,
    boundary: null,
  });
  const onEvent = Comlink.proxy((event: EngineEvent) => {
    if (id === runId) handle(event);
  });
  try {
    await coordinator().start(config, poolSize, onEvent, mode);
  } catch (error) {
    if (id !== runId) return;
    patchRun({ status: 'finished', endReason: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}

/** Run: start a fresh run, continue a paused one, or start over after a finished one. */
export async function runOrResume(): Promise<void> {
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
  if (useStudio.getState().run.status !== 'running') return;
  patchRun({ status: 'pausing' });
  await coordinator().pause();
}

/** Stop any run and clear its results (the config stays). */
export async function resetRun(): Promise<void> {
  runId++;
  flusher.cancel();
  dirty.rounds = dirty.clients = false;
  const { config, run } = useStudio.getState();
  const wasActive = run.status !== 'idle';
  raw = emptyRaw(config.partition.numClients);
  useStudio.setState({
    run: idleRun(config.rounds),
    rounds: [],
    clientStates: raw.clientStates.slice(),
    lastAccuracy: raw.lastAccuracy.slice(),
    environment: null,
    boundary: null,
  });
  if (wasActive) await coordinator().stop();
}
