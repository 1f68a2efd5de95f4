'use client';
import { memo, useMemo } from 'react';
import type { RoundMetrics } from '../../../core/engine/types';
import { ChartFrame } from './ChartFrame';
import { thinGroups } from './decimate';
import { formatInteger, formatNumber } from './format';
import { SERIES_COLORS } from './palette';
import type { ScatterSeries } from './scatterGeometry';
import { ScatterPlot } from './ScatterPlot';
import { normPoints } from './series';
import { SeriesLegend } from './SeriesLegend';

export interface UpdateNormScatterProps {
  /** All rounds so far, ascending. Uses each non-dropped client's updateNorm. */
  rounds: readonly RoundMetrics[];
  /** Client whose points are drawn larger in the highlight colour. */
  selected?: number | null;
  /** Called with the client id when a point is clicked. */
  onSelect?: (clientId: number) => void;
  /** Plot height in px, default 180. */
  height?: number;
}

/** Above this many points whole rounds are kept at a regular stride (drawing stays a few ms). */
const MAX_SCATTER_POINTS = 20_000;

const formatRound = (v: number) => formatInteger(v);
const formatNorm = (v: number) => formatNumber(v, 2);

/** Every sampled client's update norm ‖Δ‖₂ per round (x = round), on a canvas; click a point to select its client. */
export const UpdateNormScatter = memo(function UpdateNormScatter({ rounds, selected = null, onSelect, height = 180 }: UpdateNormScatterProps) {
  const all = useMemo(() => normPoints(rounds), [rounds]);
  const series = useMemo((): ScatterSeries[] => {
    const toPoint = (p: { round: number; norm: number; id: number }) => ({ x: p.round, y: p.norm, id: p.id });
    const others = thinGroups(
      all.filter((p) => p.id !== selected),
      (p) => p.round,
      MAX_SCATTER_POINTS,
    ).map(toPoint);
    const mine = all.filter((p) => p.id === selected).map(toPoint);
    return [
      { key: 'clients', points: others, color: SERIES_COLORS.norm, radius: 2.2, opacity: 0.65 },
      { key: 'selected', points: mine, color: SERIES_COLORS.highlight, radius: 4, outline: true },
    ];
  }, [all, selected]);
  const lastRound = rounds.length ? rounds[rounds.length - 1].round : 0;
  const xDomain = useMemo(() => [Math.min(1, lastRound), lastRound] as const, [lastRound]);

  return (
    <ChartFrame
      title="Client update norms"
      units="‖Δ‖₂ of each sampled client's update vs round"
      empty={all.length === 0}
      emptyText="Run the experiment to see the size of each client's update."
      height={height}
    >
      <ScatterPlot
        series={series}
        height={height}
        xDomain={xDomain}
        integerX
        formatX={formatRound}
        formatY={formatNorm}
        describe={(p) => `Client ${p.id} · round ${p.x} · ‖Δ‖ = ${formatNumber(p.y, 4)}`}
        onPick={onSelect && ((p) => onSelect(p.id))}
        ariaLabel={`Update norms of ${all.length} client updates over ${lastRound} rounds`}
      />
      <SeriesLegend
        items={[
          { label: 'sampled client', color: SERIES_COLORS.norm, shape: 'dot' },
          ...(selected !== null ? [{ label: `client ${selected}`, color: SERIES_COLORS.highlight, shape: 'dot' as const }] : []),
        ]}
      />
    </ChartFrame>
  );
});
