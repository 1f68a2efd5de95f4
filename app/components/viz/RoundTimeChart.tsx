'use client';
import { memo, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { RoundMetrics } from '../../../core/report/metrics';
import { AXIS_PROPS, CHART_MARGIN, GRID_STROKE, TOOLTIP_PROPS, chartBoxStyle, useRoundAxis, useStableAxis, lineDot } from './chartStyle';
import { valueAxis } from './axisTicks';
import { axisWidth } from './axisWidth';
import { ChartFrame } from './ChartFrame';
import { decimate } from './decimate';
import { PREVIEW_ROUNDS } from './previewRounds';
import { formatDuration } from './format';
import { SERIES_COLORS } from './palette';
import { extent } from './scale';
import { timeSeries } from './series';
import { roundLabel, tooltipFormatter } from './tooltipFormat';

const SECONDS_TOOLTIP = tooltipFormatter((s) => formatDuration(s * 1000));

export interface RoundTimeChartProps {
  /** All rounds so far, ascending; uses durationMs of rounds ≥ 1. */
  rounds: readonly RoundMetrics[];
  /** Rounds the run plans: the round axis spans them from the start (default: the rounds plotted). */
  totalRounds?: number;
  /** Plot height in px, default 140. */
  height?: number;
}

function summarize(rounds: readonly RoundMetrics[]) {
  const series = timeSeries(rounds);
  const meanMs = series.length ? (1000 * series.reduce((s, p) => s + p.seconds, 0)) / series.length : Number.NaN;
  const axis = valueAxis(...extent(series.map((p) => p.seconds), [0, 1]), { fromZero: true, suffix: ' s' });
  return { data: decimate(series, (p) => p.round, (p) => p.seconds), meanMs, axis };
}

const PREVIEW = summarize(PREVIEW_ROUNDS);

/** Wall-clock seconds per round, with the mean in the header. */
export const RoundTimeChart = memo(function RoundTimeChart({ rounds, totalRounds, height = 140 }: RoundTimeChartProps) {
  const summary = useMemo(() => summarize(rounds), [rounds]);
  const empty = summary.data.length === 0;
  const data = empty ? PREVIEW.data : summary.data;
  const axis = useStableAxis(empty ? PREVIEW.axis : summary.axis);
  const roundAxis = useRoundAxis(data, totalRounds);
  return (
    <ChartFrame
      title="Round time"
      units="seconds per round (wall clock)"
      aside={!empty ? `mean ${formatDuration(summary.meanMs)}` : undefined}
      empty={empty}
      emptyText="Run the experiment to see how long each round takes."
      height={height}
    >
      <LineChart responsive style={chartBoxStyle(height)} data={data} margin={CHART_MARGIN}>
        <CartesianGrid stroke={GRID_STROKE} strokeDasharray="3 3" vertical={false} />
        <XAxis {...AXIS_PROPS} {...roundAxis} />
        <YAxis {...AXIS_PROPS} domain={axis.domain} ticks={axis.ticks} tickFormatter={axis.format} width={axisWidth(axis)} />
        <Tooltip {...TOOLTIP_PROPS} formatter={SECONDS_TOOLTIP} labelFormatter={roundLabel} />
        <Line name="duration" dataKey="seconds" stroke={SERIES_COLORS.time} strokeWidth={1.5} dot={lineDot(data.length)} isAnimationActive={false} />
      </LineChart>
    </ChartFrame>
  );
});
