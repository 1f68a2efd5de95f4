'use client';
import { useDeferredValue } from 'react';
import type { RoundMetrics } from '../../../core/report/metrics';
import { formatBytes, formatPercent } from '../viz';
import { formatEpsilon } from '../viz/format';
import { variantColor } from '../viz/palette';
import { spentEpsilon } from '../viz/series';
import { showVariant } from '../../lib/runSession';
import { useStudio } from '../../lib/store';
import styles from './Scoreboard.module.css';

/** One variant's score: its latest round's numbers and its total upload. */
function score(rounds: readonly RoundMetrics[]) {
  const last = rounds.at(-1);
  return {
    round: last?.round ?? 0,
    accuracy: last?.testAccuracy,
    attack: last?.attackSuccess,
    epsilon: last ? spentEpsilon(last) : undefined,
    bytesUp: rounds.reduce((sum, r) => sum + (Number.isFinite(r.bytesUp) ? r.bytesUp : 0), 0),
  };
}

/**
 * The variants side by side (shown once a run has several): test accuracy, attack success and ε where the run has
 * them, and bytes up, each after the variant's latest round. Choosing a row shows that variant in the single-run
 * views (clients, heatmap, round table, boundaries).
 */
export function Scoreboard() {
  const runs = useDeferredValue(useStudio((s) => s.runs));
  const labels = useStudio((s) => s.runLabels);
  const shown = useStudio((s) => s.shownVariant);
  if (labels.length < 2) return null;
  const scores = labels.map((_, k) => score(runs[k] ?? []));
  const attack = scores.some((s) => s.attack !== undefined);
  const privacy = scores.some((s) => s.epsilon !== undefined);
  return (
    <table className={styles.board} data-testid="scoreboard">
      <caption className="visually-hidden">Variants of this run after their latest round; choose one to see its details</caption>
      <thead>
        <tr>
          <th scope="col">Variant (details)</th>
          <th scope="col">Rounds</th>
          <th scope="col">Test accuracy</th>
          {attack && <th scope="col">Attack success</th>}
          {privacy && <th scope="col">ε spent</th>}
          <th scope="col">Bytes up</th>
        </tr>
      </thead>
      <tbody>
        {labels.map((label, k) => {
          const s = scores[k];
          return (
            <tr key={k} data-testid={`score-${k}`} data-label={label} data-accuracy={s.accuracy === undefined ? undefined : String(s.accuracy)}>
              <th scope="row">
                <label className={styles.variant}>
                  <input type="radio" name="shown-variant" checked={shown === k} onChange={() => showVariant(k)} />
                  <span className={styles.swatch} style={{ background: variantColor(k) }} aria-hidden="true" />
                  {label}
                </label>
              </th>
              <td>{s.round}</td>
              <td className={styles.main}>{formatPercent(s.accuracy ?? Number.NaN, 1)}</td>
              {attack && <td>{formatPercent(s.attack ?? Number.NaN, 1)}</td>}
              {privacy && <td>{formatEpsilon(s.epsilon)}</td>}
              <td>{formatBytes(s.bytesUp)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
