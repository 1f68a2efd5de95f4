'use client';
import { formatDuration } from '../viz';
import { describePreflight, preflight } from '../../lib/preflight';
import { useStudio, type RunView } from '../../lib/store';
import styles from './Toolbar.module.css';

function statusText(run: RunView, trainingDone: number, training: number, refusal: string | null): string {
  const of = `of ${run.totalRounds}`;
  switch (run.status) {
    case 'idle':
      return refusal ?? `Ready: ${run.totalRounds} rounds`;
    case 'starting':
      return 'Starting workers and loading data…';
    case 'running':
      return run.activeRound !== null
        ? `Round ${run.activeRound} ${of}: ${trainingDone}/${training} clients trained`
        : `Round ${run.round} ${of} done`;
    case 'pausing':
      return `Pausing after round ${run.activeRound ?? run.round}…`;
    case 'paused':
      return `Paused after round ${run.round} ${of}`;
    case 'finished':
      if (run.endReason === 'completed') return `Finished: round ${run.round} ${of} done`;
      return run.message ?? `Stopped after round ${run.round}`;
  }
}

/** Round r of R, a progress bar, ETA, and the run's status in words (a live region). */
export function RunProgress() {
  const run = useStudio((s) => s.run);
  const states = useStudio((s) => s.clientStates);
  const problems = useStudio(preflight);
  let training = 0;
  let trainingDone = 0;
  for (const state of states) {
    if (state === 'training') training++;
    if (state === 'done') {
      training++;
      trainingDone++;
    }
  }
  const fraction = run.totalRounds > 0 ? run.round / run.totalRounds : 0;
  const remaining = run.totalRounds - run.round;
  const showEta = (run.status === 'running' || run.status === 'pausing') && run.msPerRound !== null && remaining > 0;
  // Before a run, what stops it from starting: the same messages the settings show on their fields.
  const refusal = run.status === 'idle' && problems.issues.length > 0 ? `Cannot run: ${describePreflight(problems)}` : null;
  const failed =
    refusal !== null || (run.status === 'finished' && run.endReason !== 'completed' && run.endReason !== 'stopped');
  return (
    <div className={styles.progress}>
      <div
        className={styles.bar}
        role="progressbar"
        aria-label="Rounds completed"
        aria-valuemin={0}
        aria-valuemax={run.totalRounds}
        aria-valuenow={run.round}
        aria-valuetext={`${run.round} of ${run.totalRounds} rounds`}
      >
        <div className={styles.fill} style={{ width: `${Math.min(100, fraction * 100)}%` }} />
      </div>
      <div className={styles.statusLine}>
        <span
          className={failed ? styles.failed : undefined}
          role={failed ? 'alert' : 'status'}
          data-testid="run-status"
          data-status={run.status}
          data-round={run.round}
          data-end-reason={run.endReason ?? undefined}
        >
          {statusText(run, trainingDone, training, refusal)}
        </span>
        {showEta && run.msPerRound !== null && (
          <span className={styles.eta} data-testid="eta">
            ETA {formatDuration(remaining * run.msPerRound)}
          </span>
        )}
      </div>
    </div>
  );
}
