'use client';
import { memo, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { RoundMetrics } from '../../../core/report/metrics';
import { AXIS_PROPS, CHART_MARGIN, GRID_STROKE, TOOLTIP_PROPS, chartBoxStyle, useRoundAxis, lineDot } from './chartStyle';
import { PERCENT_AXIS } from './axisTicks';
import { ChartFrame } from './ChartFrame';
import { decimate } from './decimate';
import { PREVIEW_ROUNDS } from './previewRounds';
import { formatPercent, isFiniteNumber } from './format';
import { SERIES_COLORS } from './palette';
import { accuracySeries } from './series';
import { SeriesLegend } from './SeriesLegend';
import { roundLabel, tooltipFormatter } from './tooltipFormat';
import {
  changeMarkElements,
  changeMarks,
  runLineAttributes,
  runLineElements,
  runLineLegend,
  withRunLines,
  type RunLinesProps,
  type RunLine,
} from './runLines';

// Props recharts compares by identity are module constants: a new array or function each render re-registers the axis.
const PERCENT_TOOLTIP = tooltipFormatter(formatPercent);

export interface AccuracyChartProps extends RunLinesProps {
  /** All rounds so far, ascending; round 0 = the initial model. */
  rounds: readonly RoundMetrics[];
  /** Rounds the run plans: the round axis spans them from the start (default: the rounds plotted). */
  totalRounds?: number;
  /** Plot height in px. Default 180. */
  height?: number;
}

const NO_LINES: readonly RunLine[] = [];
const ATTACK = '_attack';
const attackOf = (r: RoundMetrics) => r.attackSuccess;
const accuracyOf = (r: RoundMetrics) => r.testAccuracy;


/** The plotted series and what the header and tests read from it. */
function summarize(rounds: readonly RoundMetrics[]) {
  const series = accuracySeries(rounds);
  let points = 0;
  let last: number | undefined;
  let hasFederated = false;
  let hasAttack = false;
  for (const p of series) {
    if (p.attackSuccess !== null) hasAttack = true;
    if (p.testAccuracy !== null) {
      last = p.testAccuracy;
      if (p.round >= 1) points++;
    }
    if (p.federatedAccuracy !== null) hasFederated = true;
  }
  const initial = series.find((p) => p.round === 0)?.testAccuracy ?? null;
  return { data: decimate(series, (p) => p.round, (p) => p.testAccuracy), points, last, hasFederated, hasAttack, initial };
}

const PREVIEW_DATA = summarize(PREVIEW_ROUNDS).data;

/**
 * The plotted series, every one mounted from the start (empty in runs without it): mounting a series mid-run is a long
 * main-thread task. The legend lists those the run reports.
 */
const SERIES: readonly {
  key: 'testAccuracy' | 'federatedAccuracy' | 'attackSuccess';
  name: string;
  legend: string;
  width: number;
  dash?: string;
}[] = [
  { key: 'testAccuracy', name: 'test accuracy', legend: 'test accuracy (global model, held-out set)', width: 2 },
  {
    key: 'federatedAccuracy',
    name: 'federated accuracy',
    legend: 'federated accuracy (sampled clients, own data)',
    width: 1.5,
    dash: '5 3',
  },
  {
    key: 'attackSuccess',
    name: 'attack success',
    legend: 'attack success (triggered / targeted test inputs)',
    width: 1.5,
    dash: '2 2',
  },
];

/**
 * Global test accuracy (and federated accuracy and attack success, when reported) over rounds. Root carries
 * `data-testid="accuracy-chart"`, `data-points` (rounds ≥ 1 with a finite test accuracy) and `data-last-accuracy`
 * (the latest finite test accuracy, as a plain number string; absent before any).
 */
export const AccuracyChart = memo(function AccuracyChart({ rounds, totalRounds, height = 180, lines = NO_LINES, primary }: AccuracyChartProps) {
  const { data: plotted, points, last, hasFederated, hasAttack, initial } = useMemo(() => summarize(rounds), [rounds]);
  const linesAttack = useMemo(() => lines.some((l) => l.rounds.some((r) => Number.isFinite(r.attackSuccess ?? NaN))), [lines]);
  const merged = useMemo(
    () => withRunLines(withRunLines(plotted, lines, accuracyOf), linesAttack ? lines : NO_LINES, attackOf, ATTACK),
    [plotted, lines, linesAttack],
  );
  const marks = useMemo(() => changeMarks(rounds), [rounds]);
  const empty = points === 0 && !lines.some((l) => l.rounds.some((r) => r.round >= 1));
  const data = empty ? PREVIEW_DATA : merged;
  const roundAxis = useRoundAxis(data, totalRounds);

  const dot = lineDot(data.length);
  const reported = { testAccuracy: true, federatedAccuracy: hasFederated, attackSuccess: hasAttack };
  const emptyText =
    initial !== null
      ? `Initial model: ${formatPercent(initial)} test accuracy. Waiting for round 1…`
      : 'Run the experiment to see test accuracy per round.';

  return (
    <ChartFrame
      title="Test accuracy"
      units="% of the held-out set vs round"
      aside={isFiniteNumber(last) ? `latest ${formatPercent(last)}` : undefined}
      empty={empty}
      emptyText={emptyText}
      height={height}
      dataAttributes={{
        ...runLineAttributes(lines, marks),
        'data-testid': 'accuracy-chart',
        'data-points': points,
        'data-last-accuracy': isFiniteNumber(last) ? String(last) : undefined,
      }}
    >
      <LineChart responsive style={chartBoxStyle(height)} data={data} margin={CHART_MARGIN}>
        <CartesianGrid stroke={GRID_STROKE} strokeDasharray="3 3" vertical={false} />
        <XAxis {...AXIS_PROPS} {...roundAxis} />
        <YAxis {...AXIS_PROPS} domain={PERCENT_AXIS.domain} ticks={PERCENT_AXIS.ticks} tickFormatter={PERCENT_AXIS.format} width={44} />
        <Tooltip {...TOOLTIP_PROPS} formatter={PERCENT_TOOLTIP} labelFormatter={roundLabel} />
        {SERIES.map((series) => (
          <Line
            key={series.key}
            name={series.name}
            dataKey={series.key}
            stroke={series.key === 'testAccuracy' && primary ? primary.color : SERIES_COLORS[series.key]}
            strokeWidth={series.width}
            strokeDasharray={series.dash}
            dot={dot}
            isAnimationActive={false}
            connectNulls
          />
        ))}
        {runLineElements(lines)}
        {linesAttack && runLineElements(lines, ATTACK, '2 2')}
        {changeMarkElements(marks)}
      </LineChart>
      <SeriesLegend
        items={[
          ...SERIES.filter((series) => reported[series.key]).map((series) => ({
            label: series.key === 'testAccuracy' && primary ? `${primary.label}: ${series.legend}` : series.legend,
            color: series.key === 'testAccuracy' && primary ? primary.color : SERIES_COLORS[series.key],
            shape: series.dash ? ('dashed' as const) : undefined,
          })),
          ...runLineLegend(lines),
        ]}
      />
    </ChartFrame>
  );
});
