'use client';
import { memo, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { RoundMetrics } from '../../../core/report/metrics';
import type { PrivacySpent } from '../../../core/privacy/ledger';
import { AXIS_PROPS, CHART_MARGIN, GRID_STROKE, TOOLTIP_PROPS, chartBoxStyle, lineDot, useRoundAxis, useStableAxis } from './chartStyle';
import { valueAxis } from './axisTicks';
import { axisWidth } from './axisWidth';
import { ChartFrame } from './ChartFrame';
import { formatDelta, formatEpsilon } from './format';
import { SERIES_COLORS } from './palette';
import { PREVIEW_ROUNDS } from './previewRounds';
import { privacySeries, spentEpsilon } from './series';
import { changeMarkElements, changeMarks, runLineElements, runLineLegend, withRunLines, type RunLine, type RunLinesProps } from './runLines';
import { SeriesLegend } from './SeriesLegend';
import { roundLabel, tooltipFormatter } from './tooltipFormat';

const EPSILON_TOOLTIP = tooltipFormatter(formatEpsilon);
const REFERENCE_LABEL = { fill: SERIES_COLORS.epsilon, fontSize: 11, position: 'insideTopLeft' } as const;

export interface PrivacyChartProps extends RunLinesProps {
  /** All rounds so far, ascending. */
  rounds: readonly RoundMetrics[];
  /** ε the accountant projects after `totalRounds` (before running). */
  planned: PrivacySpent;
  totalRounds: number;
  delta: number;
  height?: number;
}

const NO_LINES: readonly RunLine[] = [];

const PREVIEW_DATA = privacySeries(PREVIEW_ROUNDS);

/** ε spent so far per round (client-level and DP-SGD), against the planned final ε as dashed lines. */
export const PrivacyChart = memo(function PrivacyChart({ rounds, planned, totalRounds, delta, height = 160, lines = NO_LINES, primary }: PrivacyChartProps) {
  const own = useMemo(() => privacySeries(rounds), [rounds]);
  const plotted = useMemo(() => withRunLines(own, lines, spentEpsilon), [own, lines]);
  const marks = useMemo(() => changeMarks(rounds), [rounds]);
  const empty = plotted.length === 0;
  const data = empty ? PREVIEW_DATA : plotted;
  const roundAxis = useRoundAxis(data, totalRounds);
  const last = own.at(-1);
  const axis = useStableAxis(
    useMemo(() => {
      const others = lines.flatMap((l) => l.rounds.map((r) => spentEpsilon(r) ?? 0)).filter(Number.isFinite);
      const values = [...data.flatMap((p) => [p.epsilon ?? 0, p.exampleEpsilon ?? 0]), ...others, ...finite(planned.epsilon, planned.exampleEpsilon)];
      return valueAxis(0, Math.max(1e-3, ...values), { fromZero: true });
    }, [data, planned, lines]),
  );
  const client = planned.epsilon !== undefined;
  const example = planned.exampleEpsilon !== undefined;
  const aside = last
    ? `now ${[client && `ε = ${formatEpsilon(last.epsilon ?? Infinity)}`, example && `ε per example = ${formatEpsilon(last.exampleEpsilon ?? Infinity)}`].filter(Boolean).join(' · ')}`
    : undefined;
  return (
    <ChartFrame
      title="Privacy spent"
      units={`ε at δ = ${formatDelta(delta)} (RDP accountant); dashed: planned after round ${totalRounds}`}
      aside={aside}
      empty={empty}
      emptyText={`Planned: ${planText(planned)} after ${totalRounds} rounds. Run to see ε grow round by round.`}
      height={height}
      dataAttributes={{ 'data-testid': 'privacy-chart', 'data-epsilon': last?.epsilon ?? undefined }}
    >
      <LineChart responsive style={chartBoxStyle(height)} data={data} margin={CHART_MARGIN}>
        <CartesianGrid stroke={GRID_STROKE} strokeDasharray="3 3" vertical={false} />
        <XAxis {...AXIS_PROPS} {...roundAxis} />
        <YAxis {...AXIS_PROPS} domain={axis.domain} ticks={axis.ticks} tickFormatter={axis.format} width={axisWidth(axis)} />
        <Tooltip {...TOOLTIP_PROPS} formatter={EPSILON_TOOLTIP} labelFormatter={roundLabel} />
        {client && Number.isFinite(planned.epsilon) && (
          <ReferenceLine y={planned.epsilon} stroke={SERIES_COLORS.epsilon} strokeDasharray="5 3" label={{ ...REFERENCE_LABEL, value: `planned ε ${formatEpsilon(planned.epsilon)}` }} />
        )}
        {example && Number.isFinite(planned.exampleEpsilon) && (
          <ReferenceLine y={planned.exampleEpsilon} stroke={SERIES_COLORS.exampleEpsilon} strokeDasharray="5 3" />
        )}
        {client && <Line name="ε (client-level)" dataKey="epsilon" stroke={primary?.color ?? SERIES_COLORS.epsilon} strokeWidth={1.5} dot={lineDot(data.length)} isAnimationActive={false} />}
        {example && <Line name="ε per example (DP-SGD)" dataKey="exampleEpsilon" stroke={SERIES_COLORS.exampleEpsilon} strokeWidth={1.5} dot={lineDot(data.length)} isAnimationActive={false} />}
        {runLineElements(lines)}
        {changeMarkElements(marks)}
      </LineChart>
      <SeriesLegend
        items={[
          ...(client ? [{ label: primary ? `${primary.label}: ε (client-level)` : 'ε (client-level)', color: primary?.color ?? SERIES_COLORS.epsilon }] : []),
          ...(example ? [{ label: 'ε per example (DP-SGD)', color: SERIES_COLORS.exampleEpsilon }] : []),
          ...runLineLegend(lines),
        ]}
      />
    </ChartFrame>
  );
});

function finite(...values: (number | undefined)[]): number[] {
  return values.filter((v): v is number => v !== undefined && Number.isFinite(v));
}

/** "ε = 2.11 (client-level) · ε = 0.8 per example", for the planner and the empty chart. */
export function planText(planned: PrivacySpent): string {
  const parts = [];
  if (planned.epsilon !== undefined) parts.push(`ε = ${formatEpsilon(planned.epsilon)} (client-level)`);
  if (planned.exampleEpsilon !== undefined) parts.push(`ε = ${formatEpsilon(planned.exampleEpsilon)} per example`);
  return parts.join(' · ');
}
