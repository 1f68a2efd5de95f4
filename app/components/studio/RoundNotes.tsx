'use client';
import { useStudio } from '../../lib/store';
import styles from './Toolbar.module.css';

/** Notes shown at most, newest first (the round table lists every one). */
const SHOWN = 3;

/** What was unusual in the run's rounds: retried or lost clients, rounds where every client dropped, SecAgg failures. */
export function RoundNotes() {
  const rounds = useStudio((s) => s.rounds);
  const notes = rounds.filter((r) => r.note).reverse();
  if (notes.length === 0) return null;
  return (
    <ul className={styles.notes} data-testid="round-notes" aria-label="Round notes">
      {notes.slice(0, SHOWN).map((r) => (
        <li key={r.round} data-round={r.round}>
          Round {r.round}: {r.note}
        </li>
      ))}
      {notes.length > SHOWN && <li>… and {notes.length - SHOWN} earlier (see the round metrics table)</li>}
    </ul>
  );
}
