'use client';
import { memo, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { RoundMetrics } from '../../../core/report/metrics';
import { AXIS_PROPS, CHART_MARGIN, GRID_STROKE, TOOLTIP_PROPS, chartBoxStyle, useRoundAxis, useStableAxis, lineDot } from './chartStyle';
import { byteAxis } from './axisTicks';
import { axisWidth } from './axisWidth';
import { ChartFrame } from './ChartFrame';
import { decimate } from './decimate';
import { PREVIEW_ROUNDS } from './previewRounds';
import { formatBytes } from './format';
import { SERIES_COLORS } from './palette';
import { bytesSeries } from './series';
import { SeriesLegend } from './SeriesLegend';
import { roundLabel, tooltipFormatter } from './tooltipFormat';
import { runLineElements, runLineLegend, withRunLines, type RunLine, type RunLinesProps } from './runLines';

const BYTES_TOOLTIP = tooltipFormatter(formatBytes);

export interface BytesChartProps extends RunLinesProps {
  /** All rounds so far, ascending; round 0 is ignored (no traffic). */
  rounds: readonly RoundMetrics[];
  /** Rounds the run plans: the round axis spans them from the start (default: the rounds plotted). */
  totalRounds?: number;
  /** Plot height in px, default 160. */
  height?: number;
}

const NO_LINES: readonly RunLine[] = [];
const upOf = (r: RoundMetrics) => (r.round >= 1 ? r.bytesUp : null);

function summarize(rounds: readonly RoundMetrics[], lines: readonly RunLine[] = NO_LINES) {
  const series = bytesSeries(rounds);
  let totalUp = 0;
  let totalDown = 0;
  for (const p of series) {
    totalUp += p.up ?? 0;
    totalDown += p.down ?? 0;
  }
  const others = lines.flatMap((l) => l.rounds.map((r) => upOf(r) ?? 0));
  const max = Math.max(0, ...series.map((p) => Math.max(p.up ?? 0, p.down ?? 0)), ...others.filter(Number.isFinite));
  const data = withRunLines(decimate(series, (p) => p.round, (p) => p.up), lines, upOf);
  return { data, totalUp, totalDown, axis: byteAxis(max) };
}

const PREVIEW = summarize(PREVIEW_ROUNDS);

/** Bytes sent client→server (up) and server→client (down) per round, in binary units, with run totals. */
export const BytesChart = memo(function BytesChart({ rounds, totalRounds, height = 160, lines = NO_LINES, primary }: BytesChartProps) {
  const summary = useMemo(() => summarize(rounds, lines), [rounds, lines]);
  const empty = summary.data.length === 0;
  const data = empty ? PREVIEW.data : summary.data;
  const axis = useStableAxis(empty ? PREVIEW.axis : summary.axis);
  const roundAxis = useRoundAxis(data, totalRounds);
  const { totalUp, totalDown } = summary;
  const dot = lineDot(data.length);
  return (
    <ChartFrame
      title="Communication"
      units="bytes per round (KiB = 1024 B)"
      aside={!empty ? `total ↑ ${formatBytes(totalUp)} · ↓ ${formatBytes(totalDown)}` : undefined}
      empty={empty}
      emptyText="Run the experiment to see the bytes exchanged each round."
      height={height}
    >
      <LineChart responsive style={chartBoxStyle(height)} data={data} margin={CHART_MARGIN}>
        <CartesianGrid stroke={GRID_STROKE} strokeDasharray="3 3" vertical={false} />
        <XAxis {...AXIS_PROPS} {...roundAxis} />
        <YAxis {...AXIS_PROPS} domain={axis.domain} ticks={axis.ticks} tickFormatter={axis.format} width={axisWidth(axis)} />
        <Tooltip {...TOOLTIP_PROPS} formatter={BYTES_TOOLTIP} labelFormatter={roundLabel} />
        <Line name="up (clients → server)" dataKey="up" stroke={primary?.color ?? SERIES_COLORS.bytesUp} strokeWidth={1.5} dot={dot} isAnimationActive={false} connectNulls />
        <Line name="down (server → clients)" dataKey="down" stroke={SERIES_COLORS.bytesDown} strokeWidth={1.5} strokeDasharray="5 3" dot={dot} isAnimationActive={false} connectNulls />
        {runLineElements(lines)}
      </LineChart>
      <SeriesLegend
        items={[
          { label: primary ? `${primary.label}: up (clients → server)` : 'up (clients → server)', color: primary?.color ?? SERIES_COLORS.bytesUp },
          { label: 'down (server → clients)', color: SERIES_COLORS.bytesDown, shape: 'dashed' },
          ...runLineLegend(lines),
        ]}
      />
    </ChartFrame>
  );
});
