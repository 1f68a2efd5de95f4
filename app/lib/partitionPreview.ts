// The partition view before a run: recomputed off the main thread (in the coordinator) whenever a setting that
// shapes the partition changes. Requests are "latest wins": at most one in flight, intermediate slider values skipped.
import type { ExperimentConfig } from '../../core/config/schema';
import { coordinator } from './coordinatorClient';
import { useStudio } from './store';

let inFlight = false;
let queued: ExperimentConfig | null = null;

const partitionKey = (c: ExperimentConfig) => JSON.stringify([c.seed, c.data, c.partition]);

async function drain(): Promise<void> {
  if (inFlight) return;
  inFlight = true;
  try {
    while (queued) {
      const config = queued;
      queued = null;
      const result = await coordinator().previewPartition(config);
      const state = useStudio.getState();
      // A run shows its own partition; a stale answer (config moved on) is dropped.
      if (state.run.status !== 'idle' || partitionKey(state.config) !== partitionKey(config)) continue;
      useStudio.setState({
        partition: result.ok ? { stats: result.stats, error: null } : { stats: state.partition.stats, error: result.message },
      });
    }
  } finally {
    inFlight = false;
  }
}

function request(config: ExperimentConfig): void {
  queued = config;
  void drain();
}

/** Starts following the config; returns the cleanup. */
export function startPartitionPreview(): () => void {
  request(useStudio.getState().config);
  return useStudio.subscribe((state, prev) => {
    if (state.run.status !== 'idle') return;
    const becameIdle = prev.run.status !== 'idle';
    if (becameIdle || partitionKey(state.config) !== partitionKey(prev.config)) request(state.config);
  });
}
