// bench/results/latest.json: one key per benchmark section ("training", "pool", "round", …), each an array of rows.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const RESULTS_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results', 'latest.json');

/** Sets the given keys in the results file, keeping every other key. Returns the file's path. */
export function mergeResults(sections: Record<string, unknown>): string {
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  let current: Record<string, unknown> = {};
  try {
    current = JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Record<string, unknown>;
  } catch {
    // missing or unreadable: start a new file
  }
  writeFileSync(RESULTS_FILE, JSON.stringify({ ...current, ...sections }, null, 2) + '\n');
  return RESULTS_FILE;
}
