// What the library API returns, typed for the server that builds it and the pages that show it.
import type { ExperimentConfig } from '../../core/config/schema';
import type { RunEnvironment } from '../../core/report/metrics';
import type { KeyParams } from './keyParams';
import type { WireRounds } from './metricsSchema';

export interface ExperimentSummary {
  id: string;
  name: string;
  createdAt: number;
  params: KeyParams;
  runCount: number;
  /** Newest run's save time; null without runs. */
  lastRunAt: number | null;
  /** Best final test accuracy over its runs. */
  bestAccuracy: number | null;
}

export interface ExperimentRecord extends ExperimentSummary {
  config: ExperimentConfig;
}

export interface RunSummary {
  id: string;
  experimentId: string;
  name: string;
  notes: string;
  createdAt: number;
  params: KeyParams;
  environment: RunEnvironment;
  /** Null only for a run saved before durations were checked, with an impossible one. */
  durationMs: number | null;
  /** Last round reached (0 = only the initial model) and the rounds the config asked for. */
  roundsCompleted: number;
  roundsPlanned: number;
  /** Test accuracy and loss after the last round (null when not finite, or impossible in a run saved before ranges were checked). */
  finalAccuracy: number | null;
  finalLoss: number | null;
  /** Set when the run is one variant of a run group (variants run side by side); absent otherwise. */
  group?: RunGroup;
}

/** Which group of variants a saved run belongs to: its id, the variant's index (0 = the base) and label. */
export interface RunGroup {
  id: string;
  index: number;
  label: string;
}

export interface RunRecord extends RunSummary {
  config: ExperimentConfig;
  /** As JSON carries them (NaN as null): `roundsFromWire` gives RoundMetrics. */
  rounds: WireRounds;
}

export interface SavedRun {
  id: string;
  experimentId: string;
  /** False when the experiment (same config) was already in the library. */
  experimentCreated: boolean;
}

export interface Page<T> {
  items: T[];
  total: number;
}
