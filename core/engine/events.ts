// The round engine's event stream, which the studio's coordinator and the CLI subscribe to.
import type { ExperimentConfig } from '../config/schema';
import type { PartitionStats } from '../partition/types';
import type { RoundMetrics, RunEnvironment } from '../report/metrics';

export type RunEndReason = 'completed' | 'stopped' | 'diverged' | 'error';

export type EngineEvent =
  | { type: 'run-started'; config: ExperimentConfig; partition: PartitionStats; environment: RunEnvironment }
  /** `dropped`: sampled clients that will send nothing this round (dropouts and deadline-missing stragglers). */
  | { type: 'round-started'; round: number; sampled: number[]; dropped: number[] }
  | { type: 'client-done'; round: number; clientId: number }
  | { type: 'round-done'; metrics: RoundMetrics }
  | { type: 'paused'; round: number }
  /** A live change (RoundEngine.change) was scheduled: `set` applies from round `round` on. */
  | { type: 'changed'; round: number; set: Record<string, unknown> }
  | { type: 'run-finished'; reason: RunEndReason; message: string; rounds: number };
