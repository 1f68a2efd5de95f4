'use client';
import Link from 'next/link';
import { useMemo } from 'react';
import { classColor } from '../components/viz';
import type { ConfigDiffRow } from '../../shared/library/configDiff';
import { roundsFromWire } from '../../shared/library/metricsSchema';
import type { RunRecord } from '../../shared/library/records';
import { RunSummaryCells } from '../library/_components/RunSummaryCells';
import styles from '../library/_components/library.module.css';
import { ConfigDiffTable } from './ConfigDiffTable';
import { COMPARE_METRICS } from './metrics';
import { OverlayChart, type OverlaySeries } from './OverlayChart';

/** 2–4 saved runs: their curves overlaid per metric and their configs side by side. */
export function CompareView({ runs, diff }: { runs: RunRecord[]; diff: ConfigDiffRow[] }) {
  const series: OverlaySeries[] = useMemo(
    () => runs.map((run, i) => ({ name: run.name, color: classColor(i), rounds: roundsFromWire(run.rounds) })),
    [runs],
  );
  return (
    <main className={styles.main}>
      <h1 className={styles.title}>Compare {runs.length} runs</h1>
      <table className={styles.table} data-testid="compare-runs">
        <thead>
          <tr>
            <th>Run</th>
            <th>Parameters</th>
            <th className={styles.num}>Rounds</th>
            <th className={styles.num}>Final accuracy</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run, i) => (
            <tr key={run.id}>
              <td className={styles.nameCell}>
                <span className={styles.swatch} style={{ background: series[i].color }} aria-hidden="true" />
                <Link href={`/r/${run.id}`}>{run.name}</Link>
              </td>
              <RunSummaryCells run={run} />
            </tr>
          ))}
        </tbody>
      </table>
      <section className={styles.charts} aria-label="Curves">
        {COMPARE_METRICS.map((metric) => (
          <OverlayChart key={metric.id} metric={metric} series={series} />
        ))}
      </section>
      <ConfigDiffTable rows={diff} runNames={runs.map((r) => r.name)} colors={series.map((s) => s.color)} />
    </main>
  );
}
