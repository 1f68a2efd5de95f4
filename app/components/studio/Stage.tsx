'use client';
import { TWO_D_DATASETS } from '../../../core/config/schema';
import {
  AccuracyLossChart,
  BytesChart,
  ClientDetail,
  ClientGrid,
  ClientSpreadChart,
  PartitionHeatmap,
  RoundTimeChart,
  UpdateNormScatter,
} from '../viz';
import { useStudio } from '../../lib/store';
import { BoundaryPanel } from './BoundaryPanel';
import { HeadlineStats } from './HeadlineStats';
import { RoundTable } from './RoundTable';
import styles from './Stage.module.css';

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

function AccuracyCard() {
  const rounds = useStudio((s) => s.rounds);
  return (
    <section className={`${styles.card} ${styles.accuracy}`} aria-label="Accuracy">
      <AccuracyLossChart rounds={rounds} height={200} />
    </section>
  );
}

function ClientsCard() {
  const numClients = useStudio((s) => s.config.partition.numClients);
  const states = useStudio((s) => s.clientStates);
  const lastAccuracy = useStudio((s) => s.lastAccuracy);
  const selected = useStudio((s) => s.selectedClient);
  const stats = useStudio((s) => s.partition.stats);
  const rounds = useStudio((s) => s.rounds);
  const count = states.length > 0 ? states.length : numClients;
  return (
    <section className={`${styles.card} ${styles.wide}`} aria-label="Clients">
      <div className={styles.clients}>
        <div>
          <h2 className={styles.cardTitle}>Clients this round</h2>
          <ClientGrid
            numClients={count}
            states={states}
            lastAccuracy={lastAccuracy}
            selected={selected}
            onSelect={selectClient}
          />
        </div>
        <ClientDetail clientId={selected !== null && selected < count ? selected : null} stats={stats} rounds={rounds} />
      </div>
    </section>
  );
}

function DiagnosticsCard() {
  const rounds = useStudio((s) => s.rounds);
  const selected = useStudio((s) => s.selectedClient);
  return (
    <section className={`${styles.card} ${styles.wide}`} aria-label="Round diagnostics">
      <div className={styles.chartGrid}>
        <ClientSpreadChart rounds={rounds} height={160} />
        <UpdateNormScatter rounds={rounds} selected={selected} onSelect={selectClient} height={160} />
        <BytesChart rounds={rounds} height={140} />
        <RoundTimeChart rounds={rounds} height={140} />
      </div>
    </section>
  );
}

/** The centre of the studio: headline numbers, partition, live charts, clients, decision boundaries, table. */
export function Stage() {
  const twoD = useStudio((s) => TWO_D_DATASETS.includes(s.config.data.dataset));
  return (
    <div className={styles.stage}>
      <HeadlineStats />
      <div className={styles.grid}>
        <PartitionCard />
        <AccuracyCard />
        {twoD && <BoundaryPanel />}
        <ClientsCard />
        <DiagnosticsCard />
        <section className={`${styles.card} ${styles.wide}`} aria-label="Round metrics">
          <RoundTable />
        </section>
      </div>
    </div>
  );
}
