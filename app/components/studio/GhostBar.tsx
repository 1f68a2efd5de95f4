'use client';
import { clearGhosts, dismissUndo, undoReset } from '../../lib/configEdit';
import { useStudio } from '../../lib/store';
import ui from './ui.module.css';
import banner from './Banner.module.css';
import styles from './GhostBar.module.css';

/**
 * After a change reset a run: what happened, Undo (the experiment that run had, its curves staying as ghosts) and
 * Clear ghost (the faded curves). No modal: the change is applied at once.
 */
export function GhostBar() {
  const undo = useStudio((s) => s.undo);
  const ghosts = useStudio((s) => s.ghosts);
  if (!undo && ghosts.length === 0) return null;
  return (
    <div className={styles.bar} role="status" data-testid="ghost-bar">
      <span className={styles.text}>
        {undo ? `Changed ${undo.what}: the run was reset. ` : ''}
        {ghosts.length > 0 ? `Faded: ${ghosts.map((g) => g.label).join(', ')}.` : ''}
      </span>
      {undo && (
        <button type="button" className={ui.button} onClick={undoReset} data-testid="undo">
          Undo
        </button>
      )}
      {ghosts.length > 0 && (
        <button type="button" className={ui.button} onClick={clearGhosts} data-testid="clear-ghost">
          Clear ghost
        </button>
      )}
      {undo && (
        <button type="button" className={banner.close} aria-label="Dismiss" onClick={dismissUndo}>
          ×
        </button>
      )}
    </div>
  );
}
