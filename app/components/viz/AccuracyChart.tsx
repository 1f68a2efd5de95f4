'use client';
import { memo, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { RoundMetrics } from '../../../core/engine/types';
import { AXIS_PROPS, CHART_MARGIN, GRID_STROKE, TOOLTIP_PROPS, chartBoxStyle, roundAxisProps, lineDot } from './chartStyle';
import { ChartFrame } from './ChartFrame';
import { decimate } from './decimate';
import { formatPercent, isFiniteNumber } from './format';
import { SERIES_COLORS } from './palette';
import { accuracySeries } from './series';
import { SeriesLegend } from './SeriesLegend';
import { roundLabel, tooltipFormatter } from './tooltipFormat';

// Props recharts compares by identity are module constants: a new array or function each render re-registers the axis.
const UNIT_DOMAIN: [number, number] = [0, 1];
const PERCENT_TOOLTIP = tooltipFormatter(formatPercent);

export interface AccuracyChartProps {
  /** All rounds so far, ascending; round 0 = the initial model. */
  rounds: readonly RoundMetrics[];
  /** Plot height in px. Default 180. */
  height?: number;
}

const pct = (v: number) => formatPercent(v, 0);
const PCT_TICKS = [0, 0.25, 0.5, 0.75, 1];

/**
 * Global test accuracy (and federated accuracy and attack success, when reported) over rounds. Root carries
 * `data-testid="accuracy-chart"`, `data-points` (rounds ≥ 1 with a finite test accuracy) and `data-last-accuracy`
 * (the latest finite test accuracy, as a plain number string; absent before any).
 */
export const AccuracyChart = memo(function AccuracyChart({ rounds, height = 180 }: AccuracyChartProps) {
  const { data, points, last, hasFederated, hasAttack, initial } = useMemo(() => {
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
  }, [rounds]);

  const dot = lineDot(data.length);
  const emptyText =
    initial !== null
      ? `Initial model: ${formatPercent(initial)} test accuracy. Waiting for round 1…`
      : 'Run the experiment to see test accuracy per round.';

  return (
    <ChartFrame
      title="Test accuracy"
      units="% of the held-out set vs round"
      aside={isFiniteNumber(last) ? `latest ${formatPercent(last)}` : undefined}
      empty={points === 0}
      emptyText={emptyText}
      height={height}
      dataAttributes={{
        'data-testid': 'accuracy-chart',
        'data-points': points,
        'data-last-accuracy': isFiniteNumber(last) ? String(last) : undefined,
      }}
    >
      <LineChart responsive style={chartBoxStyle(height)} data={data} margin={CHART_MARGIN}>
        <CartesianGrid stroke={GRID_STROKE} strokeDasharray="3 3" vertical={false} />
        <XAxis {...AXIS_PROPS} {...roundAxisProps(data)} />
        <YAxis {...AXIS_PROPS} domain={UNIT_DOMAIN} ticks={PCT_TICKS} tickFormatter={pct} width={44} />
        <Tooltip {...TOOLTIP_PROPS} formatter={PERCENT_TOOLTIP} labelFormatter={roundLabel} />
        <Line
          name="test accuracy"
          dataKey="testAccuracy"
          stroke={SERIES_COLORS.testAccuracy}
          strokeWidth={2}
          dot={dot}
          isAnimationActive={false}
          connectNulls
        />
        {/* Mounted from the start (empty until round 1): mounting a series mid-run costs a long main-thread task. */}
        <Line
          name="federated accuracy"
          dataKey="federatedAccuracy"
          stroke={SERIES_COLORS.federatedAccuracy}
          strokeWidth={1.5}
          strokeDasharray="5 3"
          dot={dot}
          isAnimationActive={false}
          connectNulls
        />
        {hasAttack && (
          <Line
            name="attack success"
            dataKey="attackSuccess"
            stroke={SERIES_COLORS.attackSuccess}
            strokeWidth={1.5}
            strokeDasharray="2 2"
            dot={dot}
            isAnimationActive={false}
            connectNulls
          />
        )}
      </LineChart>
      <SeriesLegend
        items={[
          { label: 'test accuracy (global model, held-out set)', color: SERIES_COLORS.testAccuracy },
          ...(hasFederated
            ? [{ label: 'federated accuracy (sampled clients, own data)', color: SERIES_COLORS.federatedAccuracy, shape: 'dashed' as const }]
            : []),
          ...(hasAttack ? [{ label: 'attack success (triggered / targeted test inputs)', color: SERIES_COLORS.attackSuccess, shape: 'dashed' as const }] : []),
        ]}
      />
    </ChartFrame>
  );
});
