'use client';
import { memo, useMemo, useState } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { RoundMetrics } from '../../../core/report/metrics';
import { AXIS_PROPS, CHART_MARGIN, GRID_STROKE, TOOLTIP_PROPS, chartBoxStyle, useRoundAxis, useStableAxis, lineDot } from './chartStyle';
import { logAxis, valueAxis } from './axisTicks';
import { axisWidth } from './axisWidth';
import { ChartFrame } from './ChartFrame';
import { decimate } from './decimate';
import { PREVIEW_ROUNDS } from './previewRounds';
import { formatNumber, isFiniteNumber } from './format';
import { SERIES_COLORS } from './palette';
import { SegmentedControl } from './SegmentedControl';
import { lossSeries } from './series';
import { extent } from './scale';
import { roundLabel, tooltipFormatter } from './tooltipFormat';
import { SeriesLegend } from './SeriesLegend';
import {
  changeMarkElements,
  changeMarks,
  runLineElements,
  runLineLegend,
  withRunLines,
  type RunLinesProps,
  type RunLine,
} from './runLines';

const LOSS_TOOLTIP = tooltipFormatter((v) => formatNumber(v, 4));

export interface LossChartProps extends RunLinesProps {
  /** All rounds so far, ascending; round 0 = the initial model. */
  rounds: readonly RoundMetrics[];
  /** Rounds the run plans: the round axis spans them from the start (default: the rounds plotted). */
  totalRounds?: number;
  /** Plot height in px. Default 120. */
  height?: number;
}

export type LossScale = 'linear' | 'log';

const SCALES = [
  { value: 'linear', label: 'linear' },
  { value: 'log', label: 'log' },
] as const satisfies readonly { value: LossScale; label: string }[];

const NO_LINES: readonly RunLine[] = [];
const lossOf = (r: RoundMetrics) => r.testLoss;

function summarize(rounds: readonly RoundMetrics[], scale: LossScale, lines: readonly RunLine[] = NO_LINES) {
  const series = lossSeries(rounds);
  const losses = [...series.map((p) => p.testLoss), ...lines.flatMap((l) => l.rounds.map(lossOf))];
  // A log axis cannot show a loss of 0 (never seen with cross-entropy): its range comes from the positive losses.
  const axis = scale === 'log' ? logAxis(...extent(losses.filter((v) => v > 0), [0.1, 1])) : valueAxis(...extent(losses, [0, 1]), { count: 3 });
  const data = withRunLines(decimate(series, (p) => p.round, (p) => p.testLoss), lines, lossOf);
  return { data, last: series.at(-1)?.testLoss, axis };
}

const PREVIEW = { linear: summarize(PREVIEW_ROUNDS, 'linear'), log: summarize(PREVIEW_ROUNDS, 'log') };

/** Global test loss (cross-entropy on the held-out set) over rounds. */
export const LossChart = memo(function LossChart({ rounds, totalRounds, height = 120, lines = NO_LINES, primary }: LossChartProps) {
  // Linear by default; log when the loss explodes (a diverging run spans many decades).
  const [scale, setScale] = useState<LossScale>('linear');
  const summary = useMemo(() => summarize(rounds, scale, lines), [rounds, scale, lines]);
  const marks = useMemo(() => changeMarks(rounds), [rounds]);
  const empty = !summary.data.some((p) => p.round >= 1);
  const data = empty ? PREVIEW[scale].data : summary.data;
  const axis = useStableAxis(empty ? PREVIEW[scale].axis : summary.axis);
  const roundAxis = useRoundAxis(data, totalRounds);
  const last = summary.last;

  return (
    <ChartFrame
      title="Test loss"
      units="cross-entropy on the held-out set vs round"
      aside={
        <>
          {isFiniteNumber(last) && `latest ${formatNumber(last, 4)} `}
          <SegmentedControl label="Loss axis scale" options={SCALES} value={scale} onChange={setScale} />
        </>
      }
      empty={empty}
      emptyText="Run the experiment to see the test loss per round."
      height={height}
      dataAttributes={{ 'data-testid': 'loss-chart', 'data-scale': scale }}
    >
      <LineChart responsive style={chartBoxStyle(height)} data={data} margin={CHART_MARGIN}>
        <CartesianGrid stroke={GRID_STROKE} strokeDasharray="3 3" vertical={false} />
        <XAxis {...AXIS_PROPS} {...roundAxis} />
        <YAxis
          {...AXIS_PROPS}
          scale={scale === 'log' ? 'log' : 'auto'}
          domain={axis.domain}
          ticks={axis.ticks}
          tickFormatter={axis.format}
          width={axisWidth(axis)}
        />
        <Tooltip {...TOOLTIP_PROPS} formatter={LOSS_TOOLTIP} labelFormatter={roundLabel} />
        <Line name={primary?.label ?? 'test loss'} dataKey="testLoss" stroke={primary?.color ?? SERIES_COLORS.loss} strokeWidth={1.5} dot={lineDot(data.length)} isAnimationActive={false} connectNulls />
        {runLineElements(lines)}
        {changeMarkElements(marks)}
      </LineChart>
      {primary && <SeriesLegend items={[{ label: primary.label, color: primary.color }, ...runLineLegend(lines)]} />}
    </ChartFrame>
  );
});
