'use client';
import { describePreflight, preflight, runWhenReady } from '../../lib/preflight';
import { pauseRun, resetRun } from '../../lib/runSession';
import { useStudio, type RunStatus } from '../../lib/store';
import { Icon } from './Icon';
import ui from './ui.module.css';

const RUN_LABEL: Record<RunStatus, string> = {
  idle: 'Run',
  starting: 'Pause',
  running: 'Pause',
  pausing: 'Pausing…',
  paused: 'Resume',
  finished: 'Run again',
};

/** Run/Pause toggle, Step one round, Reset. Run and Step refuse a new run while a setting cannot work. */
export function RunControls() {
  const status = useStudio((s) => s.run.status);
  const runtimeError = useStudio((s) => s.runtimeError);
  const problems = useStudio(preflight);
  const active = status === 'starting' || status === 'running';
  const refused = (status === 'idle' || status === 'finished') && problems.issues.length > 0;
  const blocked = runtimeError !== null || refused;
  const why = refused ? describePreflight(problems) : undefined;
  return (
    <div className={ui.inline} role="group" aria-label="Run controls">
      <button
        type="button"
        className={`${ui.button} ${ui.primary}`}
        disabled={blocked || status === 'pausing'}
        title={why}
        onClick={() => void (active ? pauseRun() : runWhenReady('run'))}
        data-testid="run-toggle"
        aria-keyshortcuts="Control+Enter"
      >
        <Icon name={active ? 'pause' : 'play'} />
        {RUN_LABEL[status]}
      </button>
      <button
        type="button"
        className={ui.button}
        disabled={blocked || !(status === 'idle' || status === 'paused' || status === 'finished')}
        onClick={() => void runWhenReady('step')}
        title={why ?? 'Run one round, then pause'}
        data-testid="step"
      >
        <Icon name="step" />
        Step
      </button>
      <button
        type="button"
        className={ui.button}
        disabled={status === 'idle'}
        onClick={() => void resetRun()}
        title="Stop and clear the results (the settings stay)"
        data-testid="reset"
      >
        <Icon name="reset" />
        Reset
      </button>
    </div>
  );
}
