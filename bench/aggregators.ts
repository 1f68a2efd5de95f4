// Aggregation time per rule at n = 100 updates × d = 100,000 parameters (target: Krum, Bulyan and the geometric
// median each under 1 s on one core). Section "aggregators" of `npm run bench`, or alone with
// `npx tsx bench/aggregators.ts`; prints a table and merges its rows under key "aggregators" into latest.json.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AGGREGATOR_PLUGINS, createAggregator, PRE_AGGREGATOR_PLUGINS } from '../core/aggregate/registry';
import type { WeightedUpdate } from '../core/aggregate/types';
import { aggregatorSchema, type ExperimentConfigInput } from '../core/config/schema';
import { Rng } from '../core/rng';
import { mergeResults } from './results';
import type { BenchSection } from './section';

export interface AggregatorBenchRow {
  aggregator: string;
  n: number;
  f: number;
  d: number;
  /** Best wall time of the timed repetitions after a warm-up (on a shared machine the fastest is the least disturbed). */
  ms: number;
  /** Process CPU time (user + system) of that same repetition: less sensitive to other load on a shared machine. */
  cpuMs: number;
}

const N = 100;
const D = 100_000;
/** 20 % Byzantine budget; Bulyan's n ≥ 4f + 3 allows up to f = 24 at n = 100. */
const F = 20;
const REPEATS = 3;
/** MDA enumerates the C(n, f) subsets it may leave out and refuses above 10⁶: f = 3 is C(100, 3) = 161,700. */
const F_OF: Record<string, number> = { mda: 3 };

/** N updates μ + 0.001·N(0, I) with μ = (0.01, −0.01, …); the last F are sign-flipped and scaled by 10. */
function makeUpdates(): WeightedUpdate[] {
  const rng = new Rng(1, 'bench-aggregators');
  return Array.from({ length: N }, (_, clientId) => {
    const delta = new Float32Array(D);
    const sign = clientId >= N - F ? -10 : 1;
    for (let k = 0; k < D; k++) delta[k] = sign * ((k % 2 ? -0.01 : 0.01) + 0.001 * rng.normal());
    return { clientId, delta, weight: 100 };
  });
}

const round1 = (x: number) => Math.round(x * 10) / 10;

function timeOne(aggregator: ExperimentConfigInput['aggregator'], updates: WeightedUpdate[]): { ms: number; cpuMs: number } {
  const runs: { ms: number; cpuMs: number }[] = [];
  for (let r = 0; r <= REPEATS; r++) {
    // A fresh instance per call, so centered clipping always starts from the same state.
    const agg = createAggregator(aggregatorSchema.parse(aggregator), { seed: 42 });
    const cpu = process.cpuUsage();
    const start = performance.now();
    agg.aggregate(updates, { round: 1, global: new Float32Array(D) });
    const ms = performance.now() - start;
    const { user, system } = process.cpuUsage(cpu);
    if (r > 0) runs.push({ ms: round1(ms), cpuMs: round1((user + system) / 1_000) });
  }
  return runs.reduce((best, run) => (run.ms < best.ms ? run : best));
}

function benchAggregators(): AggregatorBenchRow[] {
  const updates = makeUpdates();
  const cases: { label: string; config: ExperimentConfigInput['aggregator'] & { f: number } }[] = [
    ...AGGREGATOR_PLUGINS.map(({ name }) => ({ label: name, config: { name, f: F_OF[name] ?? F } })),
    ...PRE_AGGREGATOR_PLUGINS.map((pre) => ({ label: `${pre.name}+krum`, config: { name: 'krum' as const, f: F, [pre.name]: true } })),
  ];
  return cases.map(({ label, config }) => ({ aggregator: label, n: N, f: config.f, d: D, ...timeOne(config, updates) }));
}

function printAggregatorTable(rows: AggregatorBenchRow[]): void {
  console.log(
    `${'aggregator'.padEnd(20)}${'n'.padStart(6)}${'f'.padStart(6)}${'d'.padStart(10)}${'ms'.padStart(10)}${'cpu ms'.padStart(10)}`,
  );
  for (const r of rows) {
    const cells = [r.n, r.f, r.d].map((v, i) => String(v).padStart(i === 2 ? 10 : 6));
    cells.push(r.ms.toFixed(1).padStart(10), r.cpuMs.toFixed(1).padStart(10));
    console.log(r.aggregator.padEnd(20) + cells.join(''));
  }
}

export const aggregatorsSection: BenchSection = {
  name: 'aggregators',
  async run() {
    const rows = benchAggregators();
    printAggregatorTable(rows);
    return { aggregators: rows };
  },
};

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(`wrote ${mergeResults(await aggregatorsSection.run())}`);
}
