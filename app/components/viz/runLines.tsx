// Several runs on one round chart: the variants of a run side by side, and the faded ghosts of the run before a
// change (issue 14). A chart draws its own series for the run it shows (`rounds`) and one line per other run, and
// marks the rounds where a live change landed.
import { Line, ReferenceLine } from 'recharts';
import { defaultConfig } from '../../../core/config/schema';
import { variantLabel } from '../../../core/config/variants';
import type { RoundMetrics } from '../../../core/report/metrics';
import type { LegendItem } from './SeriesLegend';
import { THEME } from './theme';

/** Another run drawn on a chart: a variant (solid) or a ghost of the previous run (faded, dashed). */
export interface RunLine {
  /** Unique among the chart's lines; the data key of its values. */
  key: string;
  label: string;
  color: string;
  faded: boolean;
  rounds: readonly RoundMetrics[];
}

/** How the chart names and colours the run it shows, when other runs share the chart. */
export interface PrimaryRun {
  label: string;
  color: string;
}

/** What a round chart takes to draw other runs beside the one it shows. */
export interface RunLinesProps {
  /** Other runs on the same axes: the run's other variants, ghosts of the previous run. */
  lines?: readonly RunLine[];
  /** The shown run's name and colour, when other runs share the chart. */
  primary?: PrimaryRun;
}

/** A round where a live change first applied, and what it set ("median"). */
export interface ChangeMark {
  round: number;
  label: string;
}

const LABEL_BASE = defaultConfig();

export function changeMarks(rounds: readonly RoundMetrics[]): ChangeMark[] {
  return rounds.flatMap((r) => (r.changes ? [{ round: r.round, label: `→ ${variantLabel(LABEL_BASE, { set: r.changes })}` }] : []));
}

type Row = { round: number } & Record<string, number | null>;

/**
 * `rows` (the shown run's points, by round) with each line's value added under `${line.key}${suffix}`; rounds only
 * other runs have get rows of their own. Ascending by round.
 */
export function withRunLines<P extends { round: number }>(
  rows: readonly P[],
  lines: readonly RunLine[],
  value: (r: RoundMetrics) => number | null | undefined,
  suffix = '',
): (P & Row)[] {
  if (lines.length === 0) return rows as (P & Row)[];
  const byRound = new Map<number, Row>(rows.map((p) => [p.round, { ...p } as unknown as Row]));
  for (const line of lines) {
    for (const r of line.rounds) {
      const v = value(r);
      if (v === null || v === undefined || !Number.isFinite(v)) continue;
      let row = byRound.get(r.round);
      if (!row) byRound.set(r.round, (row = { round: r.round } as Row));
      row[`${line.key}${suffix}`] = v;
    }
  }
  return [...byRound.values()].sort((a, b) => a.round - b.round) as (P & Row)[];
}

/** The recharts lines of the other runs (call inside the chart: recharts reads its direct children). */
export function runLineElements(lines: readonly RunLine[], suffix = '', dash?: string) {
  return lines.map((line) => (
    <Line
      key={`${line.key}${suffix}`}
      name={suffix ? `${line.label} ${suffix}` : line.label}
      dataKey={`${line.key}${suffix}`}
      stroke={line.color}
      strokeOpacity={line.faded ? 0.4 : 1}
      strokeWidth={line.faded ? 1.5 : 2}
      strokeDasharray={dash ?? (line.faded ? '6 3' : undefined)}
      dot={false}
      isAnimationActive={false}
      connectNulls
    />
  ));
}

/** A labelled vertical line at each round where a live change landed. */
export function changeMarkElements(marks: readonly ChangeMark[]) {
  return marks.map((mark) => (
    <ReferenceLine
      key={`change-${mark.round}`}
      x={mark.round}
      stroke={THEME.fg}
      strokeDasharray="4 3"
      label={{ value: mark.label, position: 'insideTopLeft', fontSize: 11, fill: THEME.fg }}
    />
  ));
}

/** Legend entries of the other runs (ghosts dashed). */
export function runLineLegend(lines: readonly RunLine[]): LegendItem[] {
  return lines.map((line) => ({ label: line.label, color: line.color, shape: line.faded ? ('dashed' as const) : undefined }));
}

/** For tests and users' exports: the data attributes naming the change rounds and the lines drawn. */
export function runLineAttributes(lines: readonly RunLine[], marks: readonly ChangeMark[]) {
  return {
    'data-change-rounds': marks.length > 0 ? marks.map((m) => m.round).join(',') : undefined,
    'data-lines': lines.length > 0 ? lines.map((l) => l.label).join(' | ') : undefined,
    'data-ghosts': lines.some((l) => l.faded) ? lines.filter((l) => l.faded).length : undefined,
  };
}
