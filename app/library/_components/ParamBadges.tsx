import type { KeyParams } from '../../../shared/library/keyParams';
import styles from './library.module.css';

const LABELS: Record<keyof KeyParams, string> = {
  dataset: 'data',
  partition: 'partition',
  strategy: 'strategy',
  aggregator: 'aggregator',
  attack: 'attack',
  dp: 'DP',
};

/** The key parameters as small labelled chips; "none" attack/DP are left out. */
export function ParamBadges({ params }: { params: KeyParams }) {
  const shown = (Object.keys(LABELS) as (keyof KeyParams)[]).filter((k) => !((k === 'attack' || k === 'dp') && params[k] === 'none'));
  return (
    <span className={styles.params}>
      {shown.map((k) => (
        <span key={k} className={styles.param} data-param={k}>
          <span className={styles.paramKey}>{LABELS[k]}</span> {params[k]}
        </span>
      ))}
    </span>
  );
}
