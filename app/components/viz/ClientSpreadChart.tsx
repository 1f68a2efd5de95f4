'use client';
import { memo, useMemo } from 'react';
import { Area, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts';
import type { RoundMetrics } from '../../../core/report/metrics';
import { AXIS_PROPS, CHART_MARGIN, GRID_STROKE, TOOLTIP_PROPS, chartBoxStyle, useRoundAxis, lineDot } from './chartStyle';
import { PERCENT_AXIS } from './axisTicks';
import { ChartFrame } from './ChartFrame';
import { decimate } from './decimate';
import { PREVIEW_ROUNDS } from './previewRounds';
import { formatPercent } from './format';
import { SERIES_COLORS } from './palette';
import { spreadSeries } from './series';
import { SeriesLegend } from './SeriesLegend';
import { roundLabel, tooltipFormatter } from './tooltipFormat';

const PERCENT_TOOLTIP = tooltipFormatter(formatPercent);

export interface ClientSpreadChartProps {
  /** All rounds so far, ascending. Uses each round's non-dropped clients' localAccuracy. */
  rounds: readonly RoundMetrics[];
  /** Rounds the run plans: the round axis spans them from the start (default: the rounds plotted). */
  totalRounds?: number;
  /** Plot height in px, default 180. */
  height?: number;
}

const spreadData = (rounds: readonly RoundMetrics[]) => decimate(spreadSeries(rounds), (p) => p.round, (p) => p.median);
const PREVIEW_DATA = spreadData(PREVIEW_ROUNDS);

/** Per round, the min–max band and the median of the sampled clients' local accuracy (federated evaluation). */
export const ClientSpreadChart = memo(function ClientSpreadChart({ rounds, totalRounds, height = 180 }: ClientSpreadChartProps) {
  const plotted = useMemo(() => spreadData(rounds), [rounds]);
  const ranAny = useMemo(() => rounds.some((r) => r.round >= 1 && r.clients.length > 0), [rounds]);
  const empty = plotted.length === 0;
  const data = empty ? PREVIEW_DATA : plotted;
  const roundAxis = useRoundAxis(data, totalRounds);
  return (
    <ChartFrame
      title="Accuracy across sampled clients"
      units="local accuracy (%): min–max band and median per round"
      empty={empty}
      emptyText={
        ranAny
          ? 'No per-client accuracy: federated evaluation is off, or no sampled client reported.'
          : 'Run the experiment to see how accuracy varies across the sampled clients.'
      }
      height={height}
    >
      <ComposedChart responsive style={chartBoxStyle(height)} data={data} margin={CHART_MARGIN}>
        <CartesianGrid stroke={GRID_STROKE} strokeDasharray="3 3" vertical={false} />
        <XAxis {...AXIS_PROPS} {...roundAxis} />
        <YAxis {...AXIS_PROPS} domain={PERCENT_AXIS.domain} ticks={PERCENT_AXIS.ticks} tickFormatter={PERCENT_AXIS.format} width={44} />
        <Tooltip {...TOOLTIP_PROPS} formatter={PERCENT_TOOLTIP} labelFormatter={roundLabel} />
        <Area
          name="min – max"
          dataKey="range"
          stroke="none"
          fill={SERIES_COLORS.spread}
          fillOpacity={0.25}
          isAnimationActive={false}
          activeDot={false}
        />
        <Line name="median" dataKey="median" stroke={SERIES_COLORS.spread} strokeWidth={2} dot={lineDot(data.length)} isAnimationActive={false} />
      </ComposedChart>
      <SeriesLegend
        items={[
          { label: 'min – max', color: SERIES_COLORS.spread, shape: 'band' },
          { label: 'median', color: SERIES_COLORS.spread },
        ]}
      />
    </ChartFrame>
  );
});
