'use client';
import { memo, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { RoundMetrics } from '../../../core/engine/types';
import { AXIS_PROPS, CHART_MARGIN, GRID_STROKE, TOOLTIP_PROPS, chartBoxStyle, roundAxisProps, lineDot } from './chartStyle';
import { valueAxis } from './axisTicks';
import { ChartFrame } from './ChartFrame';
import { decimate } from './decimate';
import { formatDuration } from './format';
import { SERIES_COLORS } from './palette';
import { extent } from './scale';
import { timeSeries } from './series';
import { roundLabel, tooltipFormatter } from './tooltipFormat';

const SECONDS_TOOLTIP = tooltipFormatter((s) => formatDuration(s * 1000));

export interface RoundTimeChartProps {
  /** All rounds so far, ascending; uses durationMs of rounds ≥ 1. */
  rounds: readonly RoundMetrics[];
  /** Plot height in px, default 140. */
  height?: number;
}

/** Wall-clock seconds per round, with the mean in the header. */
export const RoundTimeChart = memo(function RoundTimeChart({ rounds, height = 140 }: RoundTimeChartProps) {
  const { data, meanMs, axis } = useMemo(() => {
    const series = timeSeries(rounds);
    const meanMs = series.length ? (1000 * series.reduce((s, p) => s + p.seconds, 0)) / series.length : Number.NaN;
    const axis = valueAxis(...extent(series.map((p) => p.seconds), [0, 1]), { fromZero: true, suffix: ' s' });
    return { data: decimate(series, (p) => p.round, (p) => p.seconds), meanMs, axis };
  }, [rounds]);
  return (
    <ChartFrame
      title="Round time"
      units="seconds per round (wall clock)"
      aside={data.length > 0 ? `mean ${formatDuration(meanMs)}` : undefined}
      empty={data.length === 0}
      emptyText="Run the experiment to see how long each round takes."
      height={height}
    >
      <LineChart responsive style={chartBoxStyle(height)} data={data} margin={CHART_MARGIN}>
        <CartesianGrid stroke={GRID_STROKE} strokeDasharray="3 3" vertical={false} />
        <XAxis {...AXIS_PROPS} {...roundAxisProps(data)} />
        <YAxis {...AXIS_PROPS} domain={axis.domain} ticks={axis.ticks} tickFormatter={axis.format} width={52} />
        <Tooltip {...TOOLTIP_PROPS} formatter={SECONDS_TOOLTIP} labelFormatter={roundLabel} />
        <Line name="duration" dataKey="seconds" stroke={SERIES_COLORS.time} strokeWidth={1.5} dot={lineDot(data.length)} isAnimationActive={false} />
      </LineChart>
    </ChartFrame>
  );
});
