// Aggregation time per rule at n = 100 updates × d = 100,000 parameters (target: Krum, Bulyan and the geometric
// median each under 1 s on one core). Run alone with `npx tsx bench/aggregators.ts`; prints a table and merges its
// rows under key "aggregators" into bench/results/latest.json.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AGGREGATORS, parseConfig, type ExperimentConfigInput } from '../core/config/schema';
import { createAggregator } from '../core/aggregate/registry';
import type { WeightedUpdate } from '../core/aggregate/types';
import { rngFor } from '../core/rng';

export interface AggregatorBenchRow {
  aggregator: string;
  n: number;
  d: number;
  /** Median wall time of the timed repetitions, after one warm-up. */
  ms: number;
  /** Process CPU time (user + system) of that same repetition: less sensitive to other load on a shared machine. */
  cpuMs: number;
}

const N = 100;
const D = 100_000;
/** 20 % Byzantine budget; Bulyan's n ≥ 4f + 3 allows up to f = 24 at n = 100. */
const F = 20;
const REPEATS = 3;

/** N updates μ + 0.1·N(0, I), the last F of them sign-flipped and scaled by 10 (so robust rules have work to do). */
function makeUpdates(): WeightedUpdate[] {
  const rng = rngFor(1, 'bench-aggregators');
  return Array.from({ length: N }, (_, clientId) => {
    const delta = new Float32Array(D);
    const sign = clientId >= N - F ? -10 : 1;
    for (let k = 0; k < D; k++) delta[k] = sign * ((k % 2 ? -0.01 : 0.01) + 0.001 * rng.normal());
    return { clientId, delta, weight: 100 };
  });
}

function timeOne(aggregator: ExperimentConfigInput['aggregator'], updates: WeightedUpdate[]): { ms: number; cpuMs: number } {
  const runs: { ms: number; cpuMs: number }[] = [];
  for (let r = 0; r <= REPEATS; r++) {
    // A fresh instance per call, so centered clipping always starts from the same state.
    const agg = createAggregator(parseConfig({ aggregator }));
    const cpu = process.cpuUsage();
    const start = performance.now();
    agg.aggregate(updates, { round: 1, global: new Float32Array(D) });
    const ms = performance.now() - start;
    const { user, system } = process.cpuUsage(cpu);
    if (r > 0) runs.push({ ms, cpuMs: (user + system) / 1_000 });
  }
  return runs.sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)];
}

export function benchAggregators(): AggregatorBenchRow[] {
  const updates = makeUpdates();
  const cases: { label: string; config: ExperimentConfigInput['aggregator'] }[] = [
    ...AGGREGATORS.map((name) => ({ label: name, config: { name, f: F } })),
    { label: 'nnm+krum', config: { name: 'krum', f: F, nnm: true } },
  ];
  return cases.map(({ label, config }) => ({ aggregator: label, n: N, d: D, ...timeOne(config, updates) }));
}

export function printAggregatorTable(rows: AggregatorBenchRow[]): void {
  console.log(`${'aggregator'.padEnd(20)}${'n'.padStart(6)}${'d'.padStart(10)}${'ms'.padStart(10)}${'cpu ms'.padStart(10)}`);
  for (const r of rows) {
    const cells = [String(r.n).padStart(6), String(r.d).padStart(10), r.ms.toFixed(1).padStart(10), r.cpuMs.toFixed(1).padStart(10)];
    console.log(r.aggregator.padEnd(20) + cells.join(''));
  }
}

/** Sets `key` in bench/results/latest.json, keeping the other keys. */
function mergeResults(key: string, value: unknown): string {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results', 'latest.json');
  mkdirSync(path.dirname(file), { recursive: true });
  let current: Record<string, unknown> = {};
  try {
    current = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    // missing or unreadable: start a new file
  }
  writeFileSync(file, JSON.stringify({ ...current, [key]: value }, null, 2) + '\n');
  return file;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const rows = benchAggregators();
  printAggregatorTable(rows);
  console.log(`wrote ${mergeResults('aggregators', rows)}`);
}
