// The studio's React-visible state. Raw run events are accumulated outside React (runSession.ts) and copied in here
// at a few Hz, so charts re-render at most that often.
import { create } from 'zustand';
import { defaultConfig, type ExperimentConfig } from '../../core/config/schema';
import type { RunEndReason } from '../../core/engine/events';
import type { RoundMetrics, RunEnvironment } from '../../core/report/metrics';
import type { PartitionStats } from '../../core/partition/types';
import type { VariantSpec } from '../../core/config/variants';
import type { ClientState } from '../components/viz/clientStates';
import type { ConfigIssue } from './urlState';

export type { ClientState };

export type RunStatus = 'idle' | 'starting' | 'running' | 'pausing' | 'paused' | 'finished';

export interface Hardware {
  /** WASM SIMD support of this browser (null until the coordinator has checked). */
  simd: boolean | null;
  defaultWorkers: number;
  maxWorkers: number;
}

export interface RunView {
  status: RunStatus;
  /** Last completed round (0 = only the initial model evaluated). */
  round: number;
  totalRounds: number;
  /** Round in progress (sampled, training), null between rounds. */
  activeRound: number | null;
  endReason: RunEndReason | null;
  message: string | null;
  /** Rounds completed since the last resume, and the time that took: the ETA estimate. */
  msPerRound: number | null;
}

export interface BoundaryView {
  resolution: number;
  box: { xMin: number; xMax: number; yMin: number; yMax: number };
  numClasses: number;
  global: { grid: Float32Array; points: Float32Array; labels: Int32Array } | null;
  client: { id: number; grid: Float32Array; points: Float32Array; labels: Int32Array } | null;
}

/** A finished run's curves kept, faded, after a change reset it (one per variant of that run). */
export interface Ghost {
  /** "before: α = 100" (and the variant's label when that run had several). */
  label: string;
  /** The variant's index in that run: its colour. */
  variant: number;
  rounds: readonly RoundMetrics[];
}

/** What Undo restores after a change reset a run: the experiment (and its variants) that run had. */
export interface UndoEntry {
  config: ExperimentConfig;
  variants: VariantSpec[];
  /** What was changed, in words ("Dirichlet α"). */
  what: string;
}

export interface StudioState {
  config: ExperimentConfig;
  /** Problems found in the URL the studio was opened with (bad fields reset to defaults). */
  urlIssues: ConfigIssue[];
  /** Invalid edits, by config path, not applied. */
  fieldErrors: Record<string, string>;
  /**
   * True once the user typed the name since the experiment was loaded (a preset, a link): other edits then leave it
   * alone; until then they mark it as modified (configEdit.ts).
   */
  nameTyped: boolean;
  poolSize: number | null;
  hardware: Hardware;
  /** The environment of the current run, once it started. */
  environment: RunEnvironment | null;
  partition: { stats: PartitionStats | null; error: string | null };
  /** The variants run beside the base config (core/config/variants.ts): at most MAX_VARIANTS − 1. */
  variants: VariantSpec[];
  run: RunView;
  /** Each variant's rounds in the current run, base first (one entry without variants). */
  runs: RoundMetrics[][];
  /** The labels of the current run's variants, base first (empty before a run). */
  runLabels: string[];
  /** Which variant the single-run views (client grid, heatmap, table, boundaries) show. */
  shownVariant: number;
  /** `runs[shownVariant]`: the rounds of the variant the single-run views show. */
  rounds: RoundMetrics[];
  clientStates: ClientState[];
  lastAccuracy: (number | undefined)[];
  /**
   * Which run `rounds`, `clientStates` and `lastAccuracy` belong to: bumped whenever they are cleared for a new run or
   * a reset. Views that defer updates (useQueued) drop an older epoch's data at once.
   */
  runEpoch: number;
  selectedClient: number | null;
  boundary: BoundaryView | null;
  /** The previous run's curves, faded on the round charts until cleared. */
  ghosts: Ghost[];
  undo: UndoEntry | null;
  /** A fatal problem of the runtime (worker failed to start); the UI stays usable. */
  runtimeError: string | null;
}

export const idleRun = (totalRounds: number): RunView => ({
  status: 'idle',
  round: 0,
  totalRounds,
  activeRound: null,
  endReason: null,
  message: null,
  msPerRound: null,
});

export const useStudio = create<StudioState>(() => {
  const config = defaultConfig();
  return {
    config,
    urlIssues: [],
    fieldErrors: {},
    nameTyped: false,
    poolSize: null,
    hardware: { simd: null, defaultWorkers: 1, maxWorkers: 1 },
    environment: null,
    partition: { stats: null, error: null },
    variants: [],
    run: idleRun(config.rounds),
    runs: [],
    runLabels: [],
    shownVariant: 0,
    rounds: [],
    clientStates: [],
    lastAccuracy: [],
    runEpoch: 0,
    selectedClient: null,
    boundary: null,
    ghosts: [],
    undo: null,
    runtimeError: null,
  };
});
