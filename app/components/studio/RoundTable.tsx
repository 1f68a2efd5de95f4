'use client';
import { memo, useDeferredValue, useState } from 'react';
import type { RoundMetrics } from '../../../core/report/metrics';
import { formatBytes, formatDuration, formatPercent } from '../viz';
import { formatEpsilon } from '../viz/format';
import { spentEpsilon } from '../viz/series';
import { changeMarks } from '../viz/runLines';
import { useStudio } from '../../lib/store';
import styles from './RoundTable.module.css';

const formatLoss = (v: number) => (Number.isFinite(v) ? v.toFixed(4) : '—');

const Row = memo(function Row({ r, privacy, notes, changes }: { r: RoundMetrics; privacy: boolean; notes: boolean; changes: boolean }) {
  const sent = r.clients.length;
  const dropped = r.clients.filter((c) => c.dropped).length;
  return (
    <tr data-testid={`round-row-${r.round}`} data-test-accuracy={String(r.testAccuracy)} data-test-loss={String(r.testLoss)}>
      <th scope="row">{r.round}</th>
      <td>{formatPercent(r.testAccuracy, 2)}</td>
      <td>{formatLoss(r.testLoss)}</td>
      <td>{formatPercent(r.federatedAccuracy, 2)}</td>
      <td>{r.round === 0 ? '—' : `${sent - dropped}/${sent}`}</td>
      <td>{formatBytes(r.bytesDown + r.bytesUp)}</td>
      {privacy && <td>{formatEpsilon(spentEpsilon(r))}</td>}
      <td>{formatDuration(r.durationMs)}</td>
      {changes && <td data-testid={r.changes ? `round-change-${r.round}` : undefined}>{changeMarks([r])[0]?.label ?? ''}</td>}
      {notes && <td>{r.note ?? ''}</td>}
    </tr>
  );
});

/** Every round's numbers as a table (collapsed by default: it is the accessible, exact view of the charts). */
export function RoundTable() {
  const rounds = useDeferredValue(useStudio((s) => s.rounds));
  const [open, setOpen] = useState(false);
  const privacy = rounds.length > 0 && spentEpsilon(rounds[0]) !== undefined;
  const notes = rounds.some((r) => r.note);
  const changes = rounds.some((r) => r.changes);
  const labels = useStudio((s) => s.runLabels);
  const shown = useStudio((s) => s.shownVariant);
  const of = labels.length > 1 ? ` of ${labels[shown]}` : '';
  return (
    <details className={styles.details} onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="round-table">
      <summary className={styles.summary}>Round metrics table{of} ({Math.max(0, rounds.length - 1)} rounds)</summary>
      {open && (
        <div className={styles.scroll}>
          <table className={styles.table}>
            <caption className="visually-hidden">Metrics per round; round 0 is the initial model</caption>
            <thead>
              <tr>
                <th scope="col">Round</th>
                <th scope="col">Test accuracy</th>
                <th scope="col">Test loss</th>
                <th scope="col">Federated accuracy</th>
                <th scope="col">Updates</th>
                <th scope="col">Traffic</th>
                {privacy && <th scope="col">ε spent</th>}
                <th scope="col">Time</th>
                {changes && <th scope="col">Live change</th>}
                {notes && <th scope="col">Note</th>}
              </tr>
            </thead>
            <tbody>
              {rounds.map((r) => (
                <Row key={r.round} r={r} privacy={privacy} notes={notes} changes={changes} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
