import { describe, expect, it } from 'vitest';
import type { RoundMetrics } from '../../../core/report/metrics';
import { plainRound } from './testFixtures';
import { changeMarks, withRunLines, type RunLine } from './runLines';

const round = (r: number, testAccuracy: number, changes?: Record<string, unknown>) => plainRound(r, testAccuracy, changes ? { changes } : {});

const line = (key: string, rounds: RoundMetrics[]): RunLine => ({ key, label: key, color: '#000000', faded: false, rounds });

describe('withRunLines', () => {
  it('adds each other run’s values by round, rounds only they have as rows of their own, ascending', () => {
    const rows = [{ round: 0, own: 0.1 }, { round: 1, own: 0.2 }];
    const merged = withRunLines(rows, [line('v1', [round(0, 0.1), round(1, 0.5), round(2, NaN), round(3, 0.7)])], (r) => r.testAccuracy);
    expect(merged).toEqual([
      { round: 0, own: 0.1, v1: 0.1 },
      { round: 1, own: 0.2, v1: 0.5 },
      { round: 3, v1: 0.7 },
    ]);
  });

  it('returns the rows themselves when there is no other run (no copy per update)', () => {
    const rows = [{ round: 0 }];
    expect(withRunLines(rows, [], (r) => r.testAccuracy)).toBe(rows);
  });
});

describe('changeMarks', () => {
  it('marks each round where a live change first applied, labelled with what it set', () => {
    expect(changeMarks([round(3, 0.1), round(4, 0.5, { 'aggregator.name': 'median' })])).toEqual([{ round: 4, label: '→ median' }]);
  });
});
