'use client';
import { useMemo } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { RoundMetrics } from '../../core/report/metrics';
import { valueAxis } from '../components/viz/axisTicks';
import { axisWidth } from '../components/viz/axisWidth';
import { AXIS_PROPS, CHART_MARGIN, GRID_STROKE, TOOLTIP_PROPS, chartBoxStyle, lineDot, useRoundAxis } from '../components/viz/chartStyle';
import { extent } from '../components/viz/scale';
import type { CompareMetric } from './metrics';
import styles from '../library/_components/library.module.css';

export interface OverlaySeries {
  name: string;
  color: string;
  rounds: readonly RoundMetrics[];
}

/** One metric of 2–4 runs on shared axes; rounds where a run has no finite value are gaps. */
export function OverlayChart({ metric, series, height = 220 }: { metric: CompareMetric; series: OverlaySeries[]; height?: number }) {
  const { data, drawn, axis } = useMemo(() => {
    const byRound = new Map<number, Record<string, number | null>>();
    const drawn: number[] = [];
    const values: number[] = [];
    series.forEach((s, i) => {
      let finite = 0;
      for (const r of s.rounds) {
        const v = metric.value(r);
        const row = byRound.get(r.round) ?? {};
        row[`run${i}`] = Number.isFinite(v) ? v : null;
        byRound.set(r.round, row);
        if (Number.isFinite(v)) {
          finite++;
          values.push(v);
        }
      }
      if (finite > 0) drawn.push(i);
    });
    const data = [...byRound.entries()].sort(([a], [b]) => a - b).map(([round, row]) => ({ round, ...row }));
    const axis = metric.fixedAxis
      ? metric.fixedAxis
      : metric.axisFor
        ? metric.axisFor(Math.max(0, ...values))
        : valueAxis(...extent(values, [0, 1]), { count: 4 });
    return { data, drawn, axis };
  }, [metric, series]);
  const roundAxis = useRoundAxis(data);

  return (
    <figure className={styles.card} style={{ margin: 0 }} data-testid={`overlay-${metric.id}`} data-series={drawn.length}>
      <figcaption style={{ marginBottom: 4 }}>
        <strong>{metric.title}</strong> <span className={styles.muted}>{metric.units}</span>
      </figcaption>
      {drawn.length === 0 ? (
        <p className={styles.muted}>None of these runs reported it.</p>
      ) : (
        <LineChart responsive style={chartBoxStyle(height)} data={data} margin={CHART_MARGIN}>
          <CartesianGrid stroke={GRID_STROKE} strokeDasharray="3 3" vertical={false} />
          <XAxis {...AXIS_PROPS} {...roundAxis} />
          <YAxis
            {...AXIS_PROPS}
            width={axisWidth(axis)}
            domain={axis.domain}
            ticks={axis.ticks}
            tickFormatter={axis.format}
          />
          <Tooltip
            {...TOOLTIP_PROPS}
            formatter={(v) => (typeof v === 'number' ? metric.format(v) : String(v))}
            labelFormatter={(round) => `round ${String(round)}`}
          />
          {drawn.map((i) => (
            <Line
              key={i}
              name={series[i].name}
              dataKey={`run${i}`}
              stroke={series[i].color}
              strokeWidth={2}
              dot={lineDot(data.length)}
              isAnimationActive={false}
              connectNulls
            />
          ))}
        </LineChart>
      )}
    </figure>
  );
}
