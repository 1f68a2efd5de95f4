'use client';
import { useRef, useState } from 'react';
import { variantConfigs } from '../../../core/config/variants';
import { MAX_NAME_LENGTH, MAX_NOTES_LENGTH } from '../../../shared/library/limits';
import { useStudio } from '../../lib/store';
import { apiErrorMessage, libraryApi } from '../../lib/trpc';
import ui from '../../components/studio/ui.module.css';
import dialogStyles from '../../components/studio/Dialog.module.css';
import styles from './library.module.css';

type Phase = { kind: 'editing' } | { kind: 'saving' } | { kind: 'saved'; runId: string } | { kind: 'error'; message: string };

/** "Save run" in the studio: asks for a name and notes, saves the run to the library, shows its permalink. */
export function SaveRunButton() {
  const run = useStudio((s) => s.run);
  const environment = useStudio((s) => s.environment);
  const dialog = useRef<HTMLDialogElement>(null);
  const [name, setName] = useState('');
  const [notes, setNotes] = useState('');
  const [phase, setPhase] = useState<Phase>({ kind: 'editing' });

  // A finished run, or a paused one, with at least one round.
  const savable = (run.status === 'finished' || run.status === 'paused') && run.round >= 1 && environment !== null;

  const open = () => {
    setName(useStudio.getState().config.name);
    setNotes('');
    setPhase({ kind: 'editing' });
    dialog.current?.showModal();
  };

  /** A run with variants saves each one as a run of one group (base first), named with its label. */
  const save = async () => {
    const { config, variants, environment: env, runs, runLabels } = useStudio.getState();
    if (!env) return;
    setPhase({ kind: 'saving' });
    try {
      const configs = variantConfigs(config, variants);
      const group = configs.length > 1 ? crypto.randomUUID() : undefined;
      let first: string | null = null;
      for (const [k, variantConfig] of configs.entries()) {
        const label = runLabels[k] ?? `variant ${k}`;
        const saved = await libraryApi.runs.save.mutate({
          name: group ? `${name} · ${label}`.slice(0, MAX_NAME_LENGTH) : name,
          notes,
          metrics: { config: variantConfig, environment: env, rounds: runs[k] ?? [] },
          ...(group ? { group: { id: group, index: k, label } } : {}),
        });
        first ??= saved.id;
      }
      setPhase({ kind: 'saved', runId: first ?? '' });
    } catch (error) {
      setPhase({ kind: 'error', message: apiErrorMessage(error) });
    }
  };

  const permalink = phase.kind === 'saved' ? `/r/${phase.runId}` : '';
  return (
    <>
      <button type="button" className={ui.button} disabled={!savable} onClick={open} data-testid="save-run" title="Save this run to the library">
        Save run
      </button>
      <dialog ref={dialog} className={`${dialogStyles.dialog} ${styles.saveDialog}`} aria-labelledby="save-run-title" data-testid="save-run-dialog">
        <h2 id="save-run-title" className={dialogStyles.title}>
          Save run to the library
        </h2>
        {phase.kind === 'saved' ? (
          <>
            <p className={dialogStyles.text}>
              Saved. Its permalink shows the charts without re-running:{' '}
              <a href={permalink} target="_blank" rel="noopener" data-testid="saved-run-link">
                {permalink}
              </a>
            </p>
            <div className={dialogStyles.actions}>
              <a className={`${ui.button} ${styles.linkButton}`} href="/library">
                Open the library
              </a>
              <button type="button" className={`${ui.button} ${ui.primary}`} onClick={() => dialog.current?.close()} autoFocus>
                Done
              </button>
            </div>
          </>
        ) : (
          <form
            method="dialog"
            className={styles.dialogBody}
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <label className={styles.field}>
              Name
              <input
                className={styles.input}
                value={name}
                maxLength={MAX_NAME_LENGTH}
                required
                onChange={(e) => setName(e.target.value)}
                data-testid="save-run-name"
              />
            </label>
            <label className={styles.field}>
              Notes
              <textarea
                className={styles.textarea}
                rows={4}
                maxLength={MAX_NOTES_LENGTH}
                value={notes}
                onChange={(e) => setNotes(e.target.value)}
                data-testid="save-run-notes"
              />
            </label>
            <p className={styles.muted} style={{ margin: 0 }}>
              {run.round} of {run.totalRounds} rounds{run.status === 'paused' ? ' (paused)' : ''}
            </p>
            {phase.kind === 'error' && (
              <p className={styles.error} role="alert">
                {phase.message}
              </p>
            )}
            <div className={dialogStyles.actions}>
              <button type="button" className={ui.button} onClick={() => dialog.current?.close()}>
                Cancel
              </button>
              <button type="submit" className={`${ui.button} ${ui.primary}`} disabled={phase.kind === 'saving' || name.trim() === ''} data-testid="save-run-confirm">
                {phase.kind === 'saving' ? 'Saving…' : 'Save'}
              </button>
            </div>
          </form>
        )}
      </dialog>
    </>
  );
}
