'use client';
import { memo, useMemo } from 'react';
import type { RoundMetrics } from '../../../core/report/metrics';
import type { PartitionStats } from '../../../core/partition/types';
import { latestDecisionText } from './attackView';
import { ChartFrame } from './ChartFrame';
import { formatInteger, formatNumber, formatPercent } from './format';
import { LabelHistogram } from './LabelHistogram';
import { SERIES_COLORS } from './palette';
import type { ScatterSeries } from './scatterGeometry';
import { ScatterPlot } from './ScatterPlot';
import { clientHistory } from './series';
import { THEME } from './theme';

export interface ClientDetailProps {
  /** The selected client, or null for none. */
  clientId: number | null;
  /** The run's partition statistics (label histogram from counts[clientId]); null before a run starts. */
  stats?: PartitionStats | null;
  /** All rounds so far, ascending (accuracy history: this client's localAccuracy in rounds it was sampled). */
  rounds: readonly RoundMetrics[];
  /** Whether the client is one of the run's attackers. */
  malicious?: boolean;
  /** Height of the history plot in px, default 120. */
  height?: number;
}

const ACCURACY_DOMAIN = [0, 1] as const;
const formatPercentAxis = (v: number) => formatPercent(v, 0);

/** Global label share per class: column sums of counts over the total. */
function globalShare(counts: readonly (readonly number[])[]): number[] {
  const k = counts[0]?.length ?? 0;
  const sums = new Array<number>(k).fill(0);
  for (const row of counts) {
    for (let j = 0; j < k; j++) sums[j] += row[j];
  }
  const total = sums.reduce((a, b) => a + b, 0);
  return sums.map((s) => (total > 0 ? s / total : 0));
}

/** The selected client's label histogram (vs the global mix) and its local accuracy in each round it was sampled. */
export const ClientDetail = memo(function ClientDetail({ clientId, stats, rounds, malicious = false, height = 120 }: ClientDetailProps) {
  const reference = useMemo(() => (stats ? globalShare(stats.counts) : undefined), [stats]);
  const history = useMemo(() => (clientId === null ? null : clientHistory(rounds, clientId)), [rounds, clientId]);
  const lastRound = rounds.length ? rounds[rounds.length - 1].round : 0;
  const xDomain = useMemo(() => [1, Math.max(1, lastRound)] as const, [lastRound]);
  const series = useMemo(
    (): ScatterSeries[] => [
      {
        key: 'accuracy',
        points: (history?.points ?? []).map((p) => ({ x: p.round, y: p.localAccuracy, id: p.round })),
        color: SERIES_COLORS.testAccuracy,
        radius: 3,
        line: true,
      },
    ],
    [history],
  );

  if (clientId === null || history === null) {
    return (
      <ChartFrame title="Client detail" empty emptyText="Select a client to see its data and its accuracy over rounds." height={height} />
    );
  }
  const counts = stats?.counts[clientId];
  const last = history.points[history.points.length - 1];
  const decision = latestDecisionText(rounds.at(-1), clientId);

  return (
    <section aria-label={`Client ${clientId}`} data-testid="client-detail" data-client={clientId} style={{ color: THEME.fg }}>
      <h3 style={{ margin: '0 0 4px', fontSize: 14, fontWeight: 600 }}>
        Client {clientId}
        {malicious && (
          <span data-testid="client-attacker" style={{ marginLeft: 8, fontSize: 12, fontWeight: 600, color: SERIES_COLORS.malicious }}>
            attacker
          </span>
        )}
      </h3>
      <p style={{ margin: '0 0 8px', fontSize: 12, color: THEME.muted }}>
        {stats && counts ? `${formatInteger(stats.sizes[clientId])} examples · skew (Hellinger) ${formatNumber(stats.hellinger[clientId], 2)} · ` : ''}
        sampled in {history.sampled} of {Math.max(0, lastRound)} rounds
        {history.dropped > 0 ? ` (dropped ${history.dropped})` : ''}
        {last ? ` · last accuracy ${formatPercent(last.localAccuracy)}` : ''}
      </p>
      {decision && (
        <p data-testid="client-decision" style={{ margin: '0 0 8px', fontSize: 12 }}>
          {`Aggregator decision, ${decision}`}
        </p>
      )}
      {counts ? (
        <>
          <LabelHistogram counts={counts} reference={reference} />
          <p style={{ margin: '2px 0 8px', fontSize: 11, color: THEME.muted }}>Bars: this client’s examples per class · dashed tick: the global label mix at this client’s size.</p>
        </>
      ) : (
        <p style={{ fontSize: 12, color: THEME.muted }}>No partition data for this client yet.</p>
      )}
      <ChartFrame
        title="Local accuracy"
        units="% on own data, rounds when sampled"
        empty={history.points.length === 0}
        emptyText={history.sampled > 0 ? 'No accuracy reported (federated evaluation off or always dropped).' : 'Not sampled yet.'}
        height={height}
      >
        <ScatterPlot
          series={series}
          height={height}
          xDomain={xDomain}
          yDomain={ACCURACY_DOMAIN}
          integerX
          formatX={formatInteger}
          formatY={formatPercentAxis}
          describe={(p) => `Round ${p.x}: ${formatPercent(p.y)}`}
          ariaLabel={`Client ${clientId} local accuracy in ${history.points.length} rounds`}
        />
      </ChartFrame>
    </section>
  );
});
