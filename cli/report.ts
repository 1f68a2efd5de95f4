// What `fedstudio run` writes: a line per round on stdout, the metrics JSON (--out) and CSV (--csv).
import type { RoundMetrics } from '../core/report/metrics';
import { formatEpsilon } from '../core/privacy/format';

export { metricsCsv, metricsJson } from '../core/report/runExport';

export const ROUND_HEADER = 'round  test_acc  test_loss  seconds';

const fixed = (v: number, digits: number) => (Number.isFinite(v) ? v.toFixed(digits) : String(v));

export function roundLine(m: RoundMetrics): string {
  const line = [
    String(m.round).padStart(5),
    fixed(m.testAccuracy, 4).padStart(8),
    fixed(m.testLoss, 4).padStart(9),
    (m.durationMs / 1000).toFixed(2).padStart(7),
  ].join('  ');
  const extras = [
    m.attackSuccess !== undefined && `attack success ${fixed(m.attackSuccess, 4)}`,
    m.epsilon !== undefined && `ε ${formatEpsilon(m.epsilon)}`,
    m.exampleEpsilon !== undefined && `ε/example ${formatEpsilon(m.exampleEpsilon)}`,
    m.changes && `changed ${changeText(m.changes)}`,
    m.note && `(${m.note})`,
  ].filter(Boolean);
  return [line, ...extras].join('  ');
}

/** A live change as `--set` writes it: `aggregator.name=median, attack.fraction=0.4`. */
function changeText(changes: Record<string, unknown>): string {
  return Object.entries(changes)
    .map(([path, value]) => `${path}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}
