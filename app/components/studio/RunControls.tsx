'use client';
import { pauseRun, resetRun, runOrResume, stepOneRound } from '../../lib/runSession';
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

/** Run/Pause toggle, Step one round, Reset. */
export function RunControls() {
  const status = useStudio((s) => s.run.status);
  const runtimeError = useStudio((s) => s.runtimeError);
  const active = status === 'starting' || status === 'running';
  const blocked = runtimeError !== null;
  return (
    <div className={ui.inline} role="group" aria-label="Run controls">
      <button
        type="button"
        className={`${ui.button} ${ui.primary}`}
        disabled={blocked || status === 'pausing'}
        onClick={() => void (active ? pauseRun() : runOrResume())}
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
        onClick={() => void stepOneRound()}
        title="Run one round, then pause"
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
