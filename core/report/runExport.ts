// The files a run exports: the metrics JSON (`fedstudio run --out`, the library's saved-run format) and a CSV with
// one row per round. Shared by the CLI and the library.
import type { RoundMetrics, RunMetrics } from '../engine/types';

/** The RunMetrics JSON; NaN (e.g. round 0's federated accuracy, dropped clients' losses) is written as null. */
export function metricsJson(metrics: RunMetrics): string {
  return `${JSON.stringify(metrics, null, 2)}\n`;
}

const CSV_COLUMNS = [
  'round',
  'test_accuracy',
  'test_loss',
  'federated_accuracy',
  'duration_ms',
  'bytes_up',
  'bytes_down',
  'sampled',
  'dropped',
  'mean_update_norm',
] as const;

/** One row per round; empty cells where a value is undefined (NaN). Targeted-attack runs add attack_success. */
export function metricsCsv(rounds: RoundMetrics[]): string {
  const cell = (v: number) => (Number.isFinite(v) ? String(v) : '');
  const attack = rounds.some((r) => r.attackSuccess !== undefined);
  const columns = attack ? [...CSV_COLUMNS, 'attack_success'] : CSV_COLUMNS;
  const rows = rounds.map((r) => {
    const received = r.clients.filter((c) => !c.dropped);
    const meanNorm = received.reduce((s, c) => s + c.updateNorm, 0) / received.length;
    return [
      r.round,
      r.testAccuracy,
      r.testLoss,
      r.federatedAccuracy,
      Math.round(r.durationMs),
      r.bytesUp,
      r.bytesDown,
      r.clients.length,
      r.clients.length - received.length,
      meanNorm,
      ...(attack ? [r.attackSuccess ?? NaN] : []),
    ]
      .map(cell)
      .join(',');
  });
  return `${[columns.join(','), ...rows].join('\n')}\n`;
}
