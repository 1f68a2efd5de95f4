'use client';
import { useMemo } from 'react';
import { AccuracyChart, BytesChart, ClientSpreadChart, LossChart, RoundTimeChart, Stat } from '../../components/viz';
import { roundsFromWire } from '../../../shared/library/metricsSchema';
import type { RunRecord } from '../../../shared/library/records';
import { ExportButtons } from '../../library/_components/ExportButtons';
import { formatDate } from '../../library/_components/format';
import { ParamBadges } from '../../library/_components/ParamBadges';
import ui from '../../components/studio/ui.module.css';
import styles from '../../library/_components/library.module.css';

/** A finished run as saved: facts, the studio's charts from the stored rounds, export, and its config. */
export function RunView({ run }: { run: RunRecord }) {
  const rounds = useMemo(() => roundsFromWire(run.rounds), [run.rounds]);
  const env = run.environment;
  return (
    <main className={styles.main} data-testid="run-view" data-run-id={run.id}>
      <section className={styles.section}>
        <h1 className={styles.title} data-testid="run-name">
          {run.name}
        </h1>
        <ParamBadges params={run.params} />
        {run.notes && (
          <p className={styles.notes} data-testid="run-notes">
            {run.notes}
          </p>
        )}
        <div className={styles.toolbar}>
          <a className={`${ui.button} ${ui.primary} ${styles.linkButton}`} href={`/e/${run.experimentId}`} data-testid="open-in-studio">
            Open in studio
          </a>
          <ExportButtons runId={run.id} />
          <span className={styles.muted}>saved {formatDate(run.createdAt)}</span>
        </div>
      </section>

      <section className={styles.facts} aria-label="Summary">
        <Stat label="Final test accuracy" value={run.finalAccuracy} format="percent" testId="final-accuracy" />
        <Stat label="Final test loss" value={run.finalLoss} format="number" />
        <Stat label="Rounds" value={`${run.roundsCompleted} of ${run.roundsPlanned}`} />
        <Stat label="Duration" value={run.durationMs} format="duration" />
        <Stat
          label="Environment"
          value={`${env.backend}${env.simd ? ' + SIMD' : ''}`}
          hint={`${env.workers} worker${env.workers === 1 ? '' : 's'}, ${env.runtime === 'node' ? 'CLI (Node)' : 'browser'}`}
        />
      </section>

      <section className={styles.charts} aria-label="Charts">
        <div className={styles.card}>
          <AccuracyChart rounds={rounds} />
          <LossChart rounds={rounds} />
        </div>
        <div className={styles.card}>
          <ClientSpreadChart rounds={rounds} />
        </div>
        <div className={styles.card}>
          <BytesChart rounds={rounds} />
        </div>
        <div className={styles.card}>
          <RoundTimeChart rounds={rounds} />
        </div>
      </section>

      <details className={styles.card}>
        <summary>Experiment config</summary>
        <pre className={styles.pre}>{JSON.stringify(run.config, null, 2)}</pre>
      </details>
    </main>
  );
}
