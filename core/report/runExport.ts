// The files a run exports: the metrics JSON (`fedstudio run --out`, the library's saved-run format) and a CSV with
// one row per round. Shared by the CLI and the library.
import type { RoundMetrics, RunMetrics } from './metrics';

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

/** Columns only some runs have: present when any round reports the value. */
const OPTIONAL_COLUMNS: { name: string; value: (r: RoundMetrics) => number | undefined }[] = [
  { name: 'attack_success', value: (r) => r.attackSuccess },
  { name: 'epsilon', value: (r) => r.epsilon },
  { name: 'example_epsilon', value: (r) => r.exampleEpsilon },
  { name: 'clip_norm', value: (r) => r.clipNorm },
];

/**
 * One row per round; empty cells where a value is undefined (NaN); an ε without noise is "Infinity". Optional columns
 * (attack success, ε, clip norm) appear when the run has them.
 */
export function metricsCsv(rounds: RoundMetrics[]): string {
  return csvTable([{ rounds }]);
}

/** The metrics JSON of a run with variants: `{ "variants": [ <each variant's metrics JSON, base first> ] }`. */
export function variantsJson(variants: RunMetrics[]): string {
  return `${JSON.stringify({ variants }, null, 2)}\n`;
}

/** One CSV of every variant's rounds, a leading `variant` column holding its label; the columns are their union. */
export function variantsCsv(variants: { label: string; rounds: RoundMetrics[] }[]): string {
  return csvTable(variants);
}

/** A text cell: quoted when it holds a comma, a quote or a line break (RFC 4180). */
const textCell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

function csvTable(runs: { label?: string; rounds: RoundMetrics[] }[]): string {
  const cell = (v: number) => (Number.isNaN(v) ? '' : String(v));
  const all = runs.flatMap((r) => r.rounds);
  const optional = OPTIONAL_COLUMNS.filter((c) => all.some((r) => c.value(r) !== undefined));
  const labelled = runs.some((r) => r.label !== undefined);
  const columns = [...(labelled ? ['variant'] : []), ...CSV_COLUMNS, ...optional.map((c) => c.name)];
  const rows = runs.flatMap(({ label, rounds }) =>
    rounds.map((r) => {
      const received = r.clients.filter((c) => !c.dropped);
      const meanNorm = received.reduce((s, c) => s + c.updateNorm, 0) / received.length;
      const numbers = [
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
        ...optional.map((c) => c.value(r) ?? NaN),
      ].map(cell);
      return [...(labelled ? [textCell(label ?? '')] : []), ...numbers].join(',');
    }),
  );
  return `${[columns.join(','), ...rows].join('\n')}\n`;
}
