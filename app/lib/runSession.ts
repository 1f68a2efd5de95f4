// Run controls and the engine event stream. Events are folded into plain state here (outside React) and copied into
// the store in one update at most every FLUSH_MS, so a burst of client-done events costs one render — also with
// variants: every variant's events land in the same flush (variants never multiply the store updates).
import * as Comlink from 'comlink';
import { variantConfigs, variantLabels } from '../../core/config/variants';
import type { EngineEvent, RunEndReason } from '../../core/engine/events';
import type { PartitionStats } from '../../core/partition/types';
import type { RoundMetrics } from '../../core/report/metrics';
import { chartsSettling } from './chartQueue';
import { coordinator } from './coordinatorClient';
import { idleRun, useStudio, type ClientState, type RunView, type StudioState } from './store';
import { throttle } from './throttle';

const FLUSH_MS = 150;

/** One variant's run as the events tell it. */
interface RawVariant {
  rounds: RoundMetrics[];
  clientStates: ClientState[];
  lastAccuracy: (number | undefined)[];
  /** Its partition (variants may split the data differently, e.g. α = 100 vs 0.1), once it started. */
  partition: PartitionStats | null;
  /** The round it paused after; null while it runs. */
  paused: number | null;
  end: { reason: RunEndReason; message: string } | null;
}

const emptyVariant = (numClients: number): RawVariant => ({
  rounds: [],
  clientStates: new Array<ClientState>(numClients).fill('idle'),
  lastAccuracy: new Array<number | undefined>(numClients).fill(undefined),
  partition: null,
  paused: null,
  end: null,
});

let raw: RawVariant[] = [];
/** Which parts of `raw` changed since the last flush (unchanged parts keep their identity: no re-render). */
const dirty = { rounds: new Set<number>(), clients: false };
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

const shown = (): number => useStudio.getState().shownVariant;

function clearDirty(): void {
  dirty.rounds.clear();
  dirty.clients = false;
}

/** Copies what the events changed into the store, in one update. */
function applyPending(): void {
  const patch: Partial<StudioState> = {};
  const state = useStudio.getState();
  const v = state.shownVariant;
  if (dirty.rounds.size > 0) {
    const runs = state.runs.slice();
    for (const k of dirty.rounds) runs[k] = raw[k].rounds.slice();
    patch.runs = runs;
    if (dirty.rounds.has(v)) patch.rounds = runs[v];
  }
  if (dirty.clients && raw[v]) {
    patch.clientStates = raw[v].clientStates.slice();
    patch.lastAccuracy = raw[v].lastAccuracy.slice();
  }
  clearDirty();
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

/** The last round every variant has completed: the run's progress. */
const commonRound = (): number => Math.min(...raw.map((r) => r.rounds.at(-1)?.round ?? 0));

/** Once every variant has ended, how the run ended: the first variant that did not complete names the reason. */
function runEnd(labels: readonly string[]): Partial<RunView> | null {
  if (raw.some((r) => r.end === null)) return null;
  const k = raw.findIndex((r) => r.end?.reason !== 'completed');
  if (k < 0) return { status: 'finished', endReason: 'completed', message: '', activeRound: null };
  const end = raw[k].end!;
  const message = raw.length > 1 && end.message ? `${labels[k]}: ${end.message}` : end.message;
  return { status: 'finished', endReason: end.reason, message, activeRound: null };
}

function handle(v: number, event: EngineEvent): void {
  const variant = raw[v];
  if (!variant) return;
  const isShown = v === shown();
  switch (event.type) {
    case 'run-started':
      raw[v] = { ...emptyVariant(event.config.partition.numClients), partition: event.partition };
      if (isShown) {
        dirty.clients = true;
        useStudio.setState({ environment: event.environment, partition: { stats: event.partition, error: null } });
      }
      queueRunPatch({ status: 'running' });
      break;
    case 'round-started': {
      variant.clientStates.fill('idle');
      for (const id of event.sampled) variant.clientStates[id] = 'training';
      for (const id of event.dropped) variant.clientStates[id] = 'dropped';
      if (isShown) {
        dirty.clients = true;
        queueRunPatch({ activeRound: event.round });
      }
      break;
    }
    case 'client-done':
      if (variant.clientStates[event.clientId] === 'training') variant.clientStates[event.clientId] = 'done';
      dirty.clients ||= isShown;
      break;
    case 'round-done': {
      const { metrics } = event;
      variant.rounds.push(metrics);
      for (const c of metrics.clients) {
        if (c.dropped) variant.clientStates[c.id] = 'dropped';
        if (Number.isFinite(c.localAccuracy)) variant.lastAccuracy[c.id] = c.localAccuracy;
      }
      dirty.rounds.add(v);
      dirty.clients ||= isShown;
      queueRunPatch({ round: commonRound(), msPerRound: meanRoundMs(variant.rounds), ...(isShown ? { activeRound: null } : {}) });
      if (isShown) for (const listener of roundListeners) listener();
      break;
    }
    case 'paused':
      variant.paused = event.round;
      if (raw.every((r) => r.paused !== null || r.end)) {
        queueRunPatch({ status: 'paused', round: Math.min(...raw.map((r) => r.paused ?? r.rounds.at(-1)?.round ?? 0)) });
      }
      break;
    case 'run-finished': {
      variant.end = { reason: event.reason, message: event.message };
      const end = runEnd(useStudio.getState().runLabels);
      if (end) queueRunPatch(end);
      break;
    }
  }
  if (dirty.rounds.size > 0 || dirty.clients) flusher.schedule();
}

/** Clears the run state (rounds, client states) for a new run or a reset: a new epoch. */
function clearRun(numClients: number, variants: number, patch: Partial<StudioState>): void {
  raw = Array.from({ length: variants }, () => emptyVariant(numClients));
  flusher.cancel();
  pendingRun = null;
  clearDirty();
  useStudio.setState((s) => ({
    runs: raw.map(() => []),
    rounds: [],
    runEpoch: runId,
    clientStates: raw[0].clientStates.slice(),
    lastAccuracy: raw[0].lastAccuracy.slice(),
    shownVariant: Math.min(s.shownVariant, variants - 1),
    environment: null,
    boundary: null,
    ...patch,
  }));
}

async function start(mode: 'run' | 'step'): Promise<void> {
  const { config, variants, poolSize } = useStudio.getState();
  const id = ++runId;
  // Preflight has validated the variants (their issues block Run); this cannot throw for a run the studio starts.
  const configs = variantConfigs(config, variants);
  clearRun(config.partition.numClients, configs.length, {
    run: { ...idleRun(config.rounds), status: 'starting' },
    runLabels: variantLabels(config, variants),
    undo: null,
  });
  const onEvent = Comlink.proxy((variant: number, event: EngineEvent) => {
    if (id === runId) handle(variant, event);
  });
  try {
    await coordinator().start(configs, poolSize, onEvent, mode);
  } catch (error) {
    if (id !== runId) return;
    patchRun({ status: 'finished', endReason: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}

function unpause(): void {
  for (const variant of raw) variant.paused = null;
  patchRun({ status: 'running' });
}

/** Run: start a fresh run, continue a paused one, or start over after a finished one. */
export async function runOrResume(): Promise<void> {
  settleEvents();
  const { status } = useStudio.getState().run;
  if (status === 'paused') {
    unpause();
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
    unpause();
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

/** The single-run views (client grid, table, boundaries) show variant `v` of the current run. */
export function showVariant(v: number): void {
  settleEvents();
  const variant = raw[v];
  useStudio.setState((s) => ({
    shownVariant: v,
    rounds: s.runs[v] ?? [],
    ...(variant ? { clientStates: variant.clientStates.slice(), lastAccuracy: variant.lastAccuracy.slice() } : {}),
    ...(variant?.partition ? { partition: { stats: variant.partition, error: null } } : {}),
    boundary: null,
  }));
}

/** Stop any run and clear its results (the config stays). */
export async function resetRun(): Promise<void> {
  runId++;
  const { config, run } = useStudio.getState();
  const wasActive = run.status !== 'idle';
  clearRun(config.partition.numClients, 1, { run: idleRun(config.rounds), runLabels: [] });
  if (wasActive) await coordinator().stop();
}
