'use client';
import Link from 'next/link';
import { COMPARE_MAX } from '../../shared/library/limits';
import type { RunSummary } from '../../shared/library/records';
import { ConfirmButton } from './_components/ConfirmButton';
import { formatDate } from './_components/format';
import { RunSummaryCells } from './_components/RunSummaryCells';
import styles from './_components/library.module.css';

interface Props {
  runs: RunSummary[];
  selected: string[];
  onToggle: (id: string) => void;
  onDelete: (id: string) => void;
}

/** Saved runs, newest first: pick up to COMPARE_MAX to compare, open, delete. */
export function RunsTable({ runs, selected, onToggle, onDelete }: Props) {
  if (runs.length === 0) return <p className={styles.muted}>No saved runs match.</p>;
  return (
    <table className={`${styles.table} ${styles.stack}`} data-testid="runs-table">
      <thead>
        <tr>
          <th>
            <span className="visually-hidden">Compare</span>
          </th>
          <th>Run</th>
          <th>Parameters</th>
          <th className={styles.num}>Rounds</th>
          <th className={styles.num}>Final accuracy</th>
          <th>Saved</th>
          <th>
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => {
          const checked = selected.includes(run.id);
          return (
            <tr key={run.id} data-testid="run-row" data-run-id={run.id}>
              <td>
                <input
                  type="checkbox"
                  aria-label={`Compare ${run.name}`}
                  checked={checked}
                  disabled={!checked && selected.length >= COMPARE_MAX}
                  onChange={() => onToggle(run.id)}
                />
              </td>
              <td className={styles.nameCell}>
                <Link href={`/r/${run.id}`} data-testid="run-link">
                  {run.name}
                </Link>
                {run.notes && <div className={styles.muted}>{run.notes.length > 140 ? `${run.notes.slice(0, 140)}…` : run.notes}</div>}
              </td>
              <RunSummaryCells run={run} />
              <td className={styles.muted} data-label="Saved">
                {formatDate(run.createdAt)}
              </td>
              <td>
                <ConfirmButton label="Delete" confirmLabel="Delete run?" onConfirm={() => onDelete(run.id)} testId="delete-run" />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
