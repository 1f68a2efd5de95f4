'use client';
import { useMemo, useRef, type ReactNode } from 'react';
import { TWO_D_DATASETS } from '../../../core/config/schema';
import type { RoundMetrics } from '../../../core/report/metrics';
import {
  AccuracyChart,
  BytesChart,
  ClientDetail,
  ClientGrid,
  ClientSpreadChart,
  LossChart,
  PartitionHeatmap,
  PrivacyChart,
  RoundTimeChart,
  SecAggView,
  Stat,
  UpdateNormScatter,
} from '../viz';
import { privacyEnabled } from '../../../core/privacy/ledger';
import { usePrivacyPlan } from '../../lib/usePrivacyPlan';
import { isOmniscientAttack, maliciousFlags } from '../viz/attackView';
import { useStudio, type ClientState } from '../../lib/store';
import { useInView } from '../../lib/useInView';
import { useQueued } from '../../lib/useQueued';
import { BoundaryPanel } from './BoundaryPanel';
import { chartRuns, type ChartRuns } from './chartRuns';
import { Scoreboard } from './Scoreboard';
import { HeadlineStats } from './HeadlineStats';
import { RoundTable } from './RoundTable';
import styles from './Stage.module.css';

/**
 * The rounds one live chart shows. A new round reaches the charts one at a time (useQueued, in interruptible
 * transitions) and skips charts that are off screen until they scroll into view, so a round landing never blocks
 * the main thread for long.
 */
function LiveRounds({
  children,
}: {
  children: (rounds: readonly RoundMetrics[], totalRounds: number, others: ChartRuns) => ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const inView = useInView(ref);
  // The run epoch: a new run or a reset replaces the rounds shown at once, also off screen (never another run's data).
  // Every variant's rounds arrive together (one store update per flush), so the queue holds them as one value.
  const runs = useQueued(
    useStudio((s) => s.runs),
    inView,
    useStudio((s) => s.runEpoch),
  );
  const shown = useStudio((s) => s.shownVariant);
  const labels = useStudio((s) => s.runLabels);
  const ghosts = useStudio((s) => s.ghosts);
  const others = useMemo(() => chartRuns(runs, labels, shown, ghosts), [runs, labels, shown, ghosts]);
  const totalRounds = useStudio((s) => s.run.totalRounds);
  return (
    <div ref={ref} className={styles.live} data-live={inView}>
      {children(runs[shown] ?? NO_ROUNDS, totalRounds, others)}
    </div>
  );
}

const NO_ROUNDS: readonly RoundMetrics[] = [];

const selectClient = (id: number) =>
  useStudio.setState((s) => ({ selectedClient: s.selectedClient === id ? null : id }));

function PartitionCard() {
  const partition = useStudio((s) => s.partition);
  const selected = useStudio((s) => s.selectedClient);
  return (
    <section className={`${styles.card} ${styles.partition}`} aria-label="Partition">
      {partition.error && (
        <p className={styles.error} role="alert" data-testid="partition-error">
          {partition.error}
        </p>
      )}
      <PartitionHeatmap
        stats={partition.stats}
        title="Who holds which labels"
        selected={selected}
        onSelect={selectClient}
        maxHeight={320}
      />
    </section>
  );
}

const NO_STATES: readonly ClientState[] = [];
const NO_ACCURACY: readonly (number | undefined)[] = [];

function ClientsCard() {
  const config = useStudio((s) => s.config);
  const numClients = config.partition.numClients;
  // Pure and cheap; recomputed only when the config object changes.
  const malicious = useMemo(() => maliciousFlags(config), [config]);
  const states = useStudio((s) => s.clientStates);
  const lastAccuracy = useStudio((s) => s.lastAccuracy);
  const selected = useStudio((s) => s.selectedClient);
  const stats = useStudio((s) => s.partition.stats);
  // One cell per client of the current experiment. The states are the run's: shown only when they are of this
  // experiment's size (the run's states are cleared with the run; before a run every cell is idle).
  const ofThisExperiment = states.length === numClients;
  const detailId = selected !== null && selected < numClients ? selected : null;
  return (
    <section className={`${styles.card} ${styles.wide}`} aria-label="Clients">
      <div className={styles.clients}>
        <div>
          <h2 className={styles.cardTitle}>Clients this round</h2>
          <ClientGrid
            numClients={numClients}
            states={ofThisExperiment ? states : NO_STATES}
            lastAccuracy={ofThisExperiment ? lastAccuracy : NO_ACCURACY}
            selected={selected}
            onSelect={selectClient}
            malicious={malicious}
          />
        </div>
        <LiveRounds>
          {(rounds) => <ClientDetail clientId={detailId} stats={stats} rounds={rounds} malicious={detailId !== null && malicious[detailId] === true} />}
        </LiveRounds>
      </div>
    </section>
  );
}

function DiagnosticsCard() {
  const selected = useStudio((s) => s.selectedClient);
  const attack = useStudio((s) => s.config.attack.kind !== 'none');
  return (
    <section className={`${styles.card} ${styles.wide}`} aria-label="Round diagnostics">
      <div className={styles.chartGrid}>
        <LiveRounds>{(rounds, totalRounds) => <ClientSpreadChart rounds={rounds} totalRounds={totalRounds} height={160} />}</LiveRounds>
        <LiveRounds>
          {(rounds, totalRounds) => <UpdateNormScatter rounds={rounds} totalRounds={totalRounds} selected={selected} onSelect={selectClient} height={160} />}
        </LiveRounds>
        {attack && (
          <LiveRounds>
            {(rounds, totalRounds) => (
              <UpdateNormScatter rounds={rounds} totalRounds={totalRounds} metric="cosineToAggregate" selected={selected} onSelect={selectClient} height={160} />
            )}
          </LiveRounds>
        )}
        <LiveRounds>{(rounds, totalRounds, others) => <BytesChart rounds={rounds} totalRounds={totalRounds} height={140} {...others} />}</LiveRounds>
        <LiveRounds>{(rounds, totalRounds) => <RoundTimeChart rounds={rounds} totalRounds={totalRounds} height={140} />}</LiveRounds>
      </div>
    </section>
  );
}

/** Central DP: the clip norm the clients used each round (it moves under adaptive clipping) and how many it clipped. */
function ClipNormStat({ rounds }: { rounds: readonly RoundMetrics[] }) {
  const clipped = rounds.filter((r) => r.round >= 1 && r.clipNorm !== undefined);
  const last = clipped[clipped.length - 1];
  return (
    <Stat
      label="Clip norm S"
      value={last?.clipNorm}
      hint={last ? `${Math.round(100 * (last.clippedFraction ?? NaN))}% of round ${last.round}’s updates clipped` : 'per round'}
      trend={clipped.map((r) => r.clipNorm ?? NaN)}
      testId="clip-norm"
    />
  );
}

function PrivacyCard() {
  const config = useStudio((s) => s.config);
  const plan = usePrivacyPlan();
  if (!plan) return null;
  return (
    <section className={`${styles.card} ${styles.wide}`} aria-label="Privacy">
      <div className={styles.privacy}>
        <LiveRounds>
          {(rounds, totalRounds, others) => (
            <PrivacyChart rounds={rounds} planned={plan.final} totalRounds={totalRounds} delta={config.privacy.delta} height={160} {...others} />
          )}
        </LiveRounds>
        {config.privacy.mode === 'central' && <LiveRounds>{(rounds) => <ClipNormStat rounds={rounds} />}</LiveRounds>}
      </div>
    </section>
  );
}

function SecAggCard({ mode }: { mode: string }) {
  return (
    <section className={`${styles.card} ${styles.wide}`} aria-label="Secure aggregation">
      <LiveRounds>{(rounds) => <SecAggView rounds={rounds} mode={mode} />}</LiveRounds>
    </section>
  );
}

/** The centre of the studio: headline numbers, partition, live charts, clients, decision boundaries, table. */
export function Stage() {
  const twoD = useStudio((s) => TWO_D_DATASETS.includes(s.config.data.dataset));
  const omniscient = useStudio((s) => isOmniscientAttack(s.config.attack));
  const privacy = useStudio((s) => privacyEnabled(s.config.privacy));
  const secAgg = useStudio((s) => s.config.secureAggregation.mode);
  // With variants the scoreboard (beside the accuracy chart) holds the headline numbers of each.
  const variants = useStudio((s) => s.runLabels.length > 1);
  return (
    <div className={styles.stage}>
      {!variants && <HeadlineStats />}
      {omniscient && (
        <p className={styles.note} data-testid="omniscient-note">
          Omniscient attack: the attackers see this round’s honest updates, as in the paper.
        </p>
      )}
      <div className={styles.grid}>
        <PartitionCard />
        <section className={`${styles.card} ${styles.accuracy}`} aria-label="Accuracy">
          <Scoreboard />
          <LiveRounds>{(rounds, totalRounds, others) => <AccuracyChart rounds={rounds} totalRounds={totalRounds} height={200} {...others} />}</LiveRounds>
          <LiveRounds>{(rounds, totalRounds, others) => <LossChart rounds={rounds} totalRounds={totalRounds} height={133} {...others} />}</LiveRounds>
        </section>
        {twoD && <BoundaryPanel />}
        {privacy && <PrivacyCard />}
        {secAgg !== 'none' && <SecAggCard mode={secAgg} />}
        <ClientsCard />
        <DiagnosticsCard />
        <section className={`${styles.card} ${styles.wide}`} aria-label="Round metrics">
          <RoundTable />
        </section>
      </div>
    </div>
  );
}
