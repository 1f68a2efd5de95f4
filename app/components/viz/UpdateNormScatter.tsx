'use client';
import { memo, useMemo } from 'react';
import type { RoundMetrics } from '../../../core/report/metrics';
import { ChartFrame } from './ChartFrame';
import { thinGroups } from './decimate';
import { formatInteger, formatNumber } from './format';
import { SERIES_COLORS } from './palette';
import type { ScatterSeries } from './scatterGeometry';
import { ScatterPlot } from './ScatterPlot';
import { clientPoints, type ClientMetric, type ClientPoint } from './series';
import { SeriesLegend } from './SeriesLegend';

export interface UpdateNormScatterProps {
  /** All rounds so far, ascending. Uses each non-dropped client's `metric`. */
  rounds: readonly RoundMetrics[];
  /** Rounds the run plans: the x axis spans them from the start, as the other live charts' do. */
  totalRounds?: number;
  /** The per-client number on the y axis: update norm (default) or cosine to the round's aggregate (attack runs). */
  metric?: ClientMetric;
  /** Client whose points are drawn larger in the highlight colour. */
  selected?: number | null;
  /** Called with the client id when a point is clicked. */
  onSelect?: (clientId: number) => void;
  /** Plot height in px, default 180. */
  height?: number;
}

/** Above this many points whole rounds are kept at a regular stride (drawing stays a few ms). */
const MAX_SCATTER_POINTS = 20_000;
const COSINE_DOMAIN = [-1, 1] as const;

const TEXT: Record<ClientMetric, { title: string; units: string; empty: string; symbol: string; testId: string }> = {
  updateNorm: {
    title: 'Client update norms',
    units: "‖Δ‖₂ of each sampled client's update vs round",
    empty: "Run the experiment to see the size of each client's update.",
    symbol: '‖Δ‖',
    testId: 'update-norm-scatter',
  },
  cosineToAggregate: {
    title: 'Cosine to the aggregate',
    units: "cos(Δ client, Δ aggregate) of each sampled client's update vs round",
    empty: 'Run the experiment to see how each update points relative to the aggregate.',
    symbol: 'cos',
    testId: 'cosine-scatter',
  },
};

const formatRound = (v: number) => formatInteger(v);
const formatValue = (v: number) => formatNumber(v, 2);
const toPoint = (p: ClientPoint) => ({ x: p.round, y: p.value, id: p.id });

/**
 * Every sampled client's update norm ‖Δ‖₂ (or cosine to the aggregate) per round (x = round), on a canvas; attackers'
 * points in red, where malicious updates separate from honest ones (or fail to). Click a point to select its client.
 */
export const UpdateNormScatter = memo(function UpdateNormScatter({ rounds, totalRounds = 0, metric = 'updateNorm', selected = null, onSelect, height = 180 }: UpdateNormScatterProps) {
  const text = TEXT[metric];
  const all = useMemo(() => clientPoints(rounds, metric), [rounds, metric]);
  const attackers = useMemo(() => all.filter((p) => p.malicious).length, [all]);
  const series = useMemo((): ScatterSeries[] => {
    const thin = (points: ClientPoint[]) => thinGroups(points, (p) => p.round, MAX_SCATTER_POINTS).map(toPoint);
    const others = all.filter((p) => p.id !== selected);
    return [
      { key: 'clients', points: thin(others.filter((p) => !p.malicious)), color: SERIES_COLORS.norm, radius: 2.2, opacity: 0.65 },
      { key: 'attackers', points: thin(others.filter((p) => p.malicious)), color: SERIES_COLORS.malicious, radius: 2.6, opacity: 0.85 },
      { key: 'selected', points: all.filter((p) => p.id === selected).map(toPoint), color: SERIES_COLORS.highlight, radius: 4, outline: true },
    ];
  }, [all, selected]);
  const lastRound = rounds.length ? rounds[rounds.length - 1].round : 0;
  const axisEnd = Math.max(totalRounds, lastRound);
  const xDomain = useMemo(() => [Math.min(1, axisEnd), axisEnd] as const, [axisEnd]);

  return (
    <ChartFrame
      title={text.title}
      units={text.units}
      empty={all.length === 0}
      emptyText={text.empty}
      height={height}
      dataAttributes={{ 'data-testid': text.testId, 'data-points': all.length, 'data-malicious-points': attackers }}
    >
      <ScatterPlot
        series={series}
        height={height}
        xDomain={xDomain}
        yDomain={metric === 'cosineToAggregate' ? COSINE_DOMAIN : undefined}
        integerX
        formatX={formatRound}
        formatY={formatValue}
        describe={(p, s) => `Client ${p.id}${s.key === 'attackers' ? ' (attacker)' : ''} · round ${p.x} · ${text.symbol} = ${formatNumber(p.y, 4)}`}
        onPick={onSelect && ((p) => onSelect(p.id))}
        ariaLabel={`${text.title} of ${all.length} client updates over ${lastRound} rounds`}
      />
      <SeriesLegend
        items={[
          { label: attackers > 0 ? 'honest client' : 'sampled client', color: SERIES_COLORS.norm, shape: 'dot' },
          ...(attackers > 0 ? [{ label: 'attacker', color: SERIES_COLORS.malicious, shape: 'dot' as const }] : []),
          ...(selected !== null ? [{ label: `client ${selected}`, color: SERIES_COLORS.highlight, shape: 'dot' as const }] : []),
        ]}
      />
    </ChartFrame>
  );
});
