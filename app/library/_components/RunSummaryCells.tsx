import { formatPercent } from '../../components/viz';
import type { RunSummary } from '../../../shared/library/records';
import { ParamBadges } from './ParamBadges';
import styles from './library.module.css';

/** A saved run's parameters, rounds and final accuracy: three cells of a row in the library and compare tables. */
export function RunSummaryCells({ run }: { run: Pick<RunSummary, 'params' | 'roundsCompleted' | 'roundsPlanned' | 'finalAccuracy'> }) {
  return (
    <>
      <td className={styles.wide}>
        <ParamBadges params={run.params} />
      </td>
      <td className={styles.num} data-label="Rounds">
        {run.roundsCompleted}/{run.roundsPlanned}
      </td>
      <td className={styles.num} data-label="Final accuracy" data-testid="run-final-accuracy" data-value={run.finalAccuracy ?? ''}>
        {formatPercent(run.finalAccuracy)}
      </td>
    </>
  );
}
