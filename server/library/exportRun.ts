import type { RunMetrics } from '../../core/report/metrics';
import { metricsCsv, metricsJson } from '../../core/report/runExport';

export interface ExportedFile {
  filename: string;
  contentType: string;
  content: string;
}

/** A file-name-safe version of a run name ("MNIST α=0.1 <b>" → "mnist-0-1-b"). */
export function fileSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'run';
}

/** The run as the CLI writes it: metrics JSON (`--out`) or one CSV row per round (`--csv`). */
export function exportRun(metrics: RunMetrics, name: string, id: string, format: 'csv' | 'json'): ExportedFile {
  const base = `${fileSlug(name)}-${id}`;
  return format === 'csv'
    ? { filename: `${base}.csv`, contentType: 'text/csv', content: metricsCsv(metrics.rounds) }
    : { filename: `${base}.json`, contentType: 'application/json', content: metricsJson(metrics) };
}
