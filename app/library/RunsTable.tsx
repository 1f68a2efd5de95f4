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

/** The listed runs of each run group (variants saved together), base first: the group's compare link. */
function groupMembers(runs: RunSummary[]): Map<string, string[]> {
  const members = new Map<string, RunSummary[]>();
  for (const run of runs) if (run.group) members.set(run.group.id, [...(members.get(run.group.id) ?? []), run]);
  return new Map([...members].map(([id, list]) => [id, list.sort((a, b) => a.group!.index - b.group!.index).map((r) => r.id)]));
}

/** Saved runs, newest first: pick up to COMPARE_MAX to compare, open, delete. */
export function RunsTable({ runs, selected, onToggle, onDelete }: Props) {
  if (runs.length === 0) return <p className={styles.muted}>No saved runs match.</p>;
  const groups = groupMembers(runs);
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
                {run.group && (
                  <div className={styles.muted} data-testid="run-group">
                    {`variant “${run.group.label}” of a run group · `}
                    <Link href={`/compare?ids=${groups.get(run.group.id)!.slice(0, COMPARE_MAX).map(encodeURIComponent).join(',')}`}>
                      compare the group
                    </Link>
                  </div>
                )}
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
