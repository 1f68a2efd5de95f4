// Which runs a round chart draws besides the one the single-run views show: the run's other variants (one colour
// each) and the ghosts of the run before the last reset (faded).
import type { RoundMetrics } from '../../../core/report/metrics';
import { variantColor } from '../viz/palette';
import type { PrimaryRun, RunLine } from '../viz/runLines';
import type { Ghost } from '../../lib/store';

export interface ChartRuns {
  lines: RunLine[];
  /** Undefined when the chart shows one run alone (it then keeps its own series colours). */
  primary: PrimaryRun | undefined;
}

export function chartRuns(
  runs: readonly (readonly RoundMetrics[])[],
  labels: readonly string[],
  shown: number,
  ghosts: readonly Ghost[],
): ChartRuns {
  const variants: RunLine[] = runs.flatMap((rounds, k) =>
    k === shown ? [] : [{ key: `v${k}`, label: labels[k] ?? `variant ${k}`, color: variantColor(k), faded: false, rounds }],
  );
  const faded: RunLine[] = ghosts.map((g, i) => ({ key: `g${i}`, label: g.label, color: variantColor(g.variant), faded: true, rounds: g.rounds }));
  const lines = [...variants, ...faded];
  if (lines.length === 0) return { lines, primary: undefined };
  const label = runs.length > 1 ? (labels[shown] ?? 'base') : 'now';
  return { lines, primary: { label, color: variantColor(shown) } };
}
