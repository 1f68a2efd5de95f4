import { describe, expect, it } from 'vitest';
import type { RoundMetrics } from '../../../core/report/metrics';
import { variantColor } from '../viz/palette';
import { chartRuns } from './chartRuns';

const rounds: RoundMetrics[] = [];

describe('chartRuns', () => {
  it('one run alone: no other lines, the chart keeps its own colours', () => {
    expect(chartRuns([rounds], ['base'], 0, [])).toEqual({ lines: [], primary: undefined });
  });

  it('variants: every other variant in its colour, the shown one named; ghosts faded after them', () => {
    const ghost = { label: 'before: α = 100', variant: 1, rounds };
    const { lines, primary } = chartRuns([rounds, rounds], ['mean', 'median'], 1, [ghost]);
    expect(primary).toEqual({ label: 'median', color: variantColor(1) });
    expect(lines.map((l) => [l.key, l.label, l.color, l.faded])).toEqual([
      ['v0', 'mean', variantColor(0), false],
      ['g0', 'before: α = 100', variantColor(1), true],
    ]);
  });

  it('a single run beside a ghost is "now"', () => {
    expect(chartRuns([rounds], [], 0, [{ label: 'before', variant: 0, rounds }]).primary?.label).toBe('now');
  });
});
