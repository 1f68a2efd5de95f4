'use client';
import { useEffect, useRef } from 'react';
import { cancelPendingChange, confirmPendingChange } from '../../lib/configEdit';
import { useStudio } from '../../lib/store';
import ui from './ui.module.css';
import styles from './ConfirmDialog.module.css';

/** Asks before a settings change throws away the current run. */
export function ConfirmDialog() {
  const pending = useStudio((s) => s.pendingChange);
  const run = useStudio((s) => s.run);
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (pending && !dialog.open) dialog.showModal();
    if (!pending && dialog.open) dialog.close();
  }, [pending]);

  const inProgress = run.status !== 'finished';
  return (
    <dialog
      ref={ref}
      className={styles.dialog}
      aria-labelledby="confirm-title"
      aria-describedby="confirm-text"
      onCancel={cancelPendingChange}
      data-testid="confirm-dialog"
    >
      <h2 id="confirm-title" className={styles.title}>
        Reset the run?
      </h2>
      <p id="confirm-text" className={styles.text}>
        Changing <strong>{pending?.what ?? 'this setting'}</strong> needs a fresh run. The{' '}
        {inProgress ? 'run in progress' : 'finished run'} ({run.round} of {run.totalRounds} rounds) and its results
        will be cleared.
      </p>
      <div className={styles.actions}>
        <button type="button" className={ui.button} onClick={cancelPendingChange} autoFocus>
          Keep the run
        </button>
        <button type="button" className={`${ui.button} ${ui.primary}`} onClick={confirmPendingChange}>
          Reset and apply
        </button>
      </div>
    </dialog>
  );
}
