'use client';
import { formatPercent } from '../components/viz';
import type { ExperimentSummary } from '../../shared/library/records';
import { ConfirmButton } from './_components/ConfirmButton';
import { formatDate } from './_components/format';
import { ParamBadges } from './_components/ParamBadges';
import styles from './_components/library.module.css';

interface Props {
  experiments: ExperimentSummary[];
  onDelete: (id: string) => void;
}

/** Saved experiments (distinct configs), most recently used first; open one in the studio to run it again. */
export function ExperimentsTable({ experiments, onDelete }: Props) {
  if (experiments.length === 0) return <p className={styles.muted}>No saved experiments match.</p>;
  return (
    <table className={`${styles.table} ${styles.stack}`} data-testid="experiments-table">
      <thead>
        <tr>
          <th>Experiment</th>
          <th>Parameters</th>
          <th className={styles.num}>Runs</th>
          <th className={styles.num}>Best accuracy</th>
          <th>Last used</th>
          <th>
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {experiments.map((e) => (
          <tr key={e.id} data-testid="experiment-row" data-experiment-id={e.id}>
            <td className={styles.nameCell}>
              {/* A full page load: the studio reads the experiment from the URL when it starts. */}
              <a href={`/e/${e.id}`} title="Open in the studio, ready to run">
                {e.name}
              </a>
            </td>
            <td className={styles.wide}>
              <ParamBadges params={e.params} />
            </td>
            <td className={styles.num} data-label="Runs">
              {e.runCount}
            </td>
            <td className={styles.num} data-label="Best accuracy">
              {formatPercent(e.bestAccuracy)}
            </td>
            <td className={styles.muted} data-label="Last used">
              {formatDate(e.lastRunAt ?? e.createdAt)}
            </td>
            <td>
              <ConfirmButton
                label="Delete"
                confirmLabel={e.runCount ? `Delete with ${e.runCount} run${e.runCount === 1 ? '' : 's'}?` : 'Delete experiment?'}
                onConfirm={() => onDelete(e.id)}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
