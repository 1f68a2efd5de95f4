// Privacy and communication costs: the RDP accountant (it runs while a slider is dragged, so it must take a few ms at
// most) and secure aggregation per round at d = 100,000 (SecAgg grows with n², SecAgg+ with n·k). Section "privacy"
// of `npm run bench`, or alone with `npx tsx bench/privacy.ts`; merges rows under "accountant" and "secagg".
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeEpsilon } from '../core/privacy/rdp';
import { Rng } from '../core/rng';
import { secureSum } from '../core/secagg/secureSum';
import { mergeResults } from './results';
import type { BenchSection } from './section';

interface AccountantRow {
  q: number;
  sigma: number;
  steps: number;
  epsilon: number;
  /** Median of 21 calls after a warm-up. */
  ms: number;
}

interface SecAggRow {
  mode: 'secagg' | 'secagg+';
  n: number;
  survivors: number;
  neighbours: number;
  d: number;
  ms: number;
  uploadBytes: number;
  overheadBytes: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const round2 = (x: number) => Math.round(x * 100) / 100;

function benchAccountant(): AccountantRow[] {
  const cases = [
    { q: 0.01, sigma: 1, steps: 1000 },
    { q: 0.001, sigma: 1, steps: 1000 },
    { q: 0.1, sigma: 1, steps: 100 },
    { q: 0.5, sigma: 1, steps: 100 },
    { q: 0.5, sigma: 100, steps: 100 },
  ];
  return cases.map(({ q, sigma, steps }) => {
    const p = { q, noiseMultiplier: sigma, steps, delta: 1e-5 };
    for (let i = 0; i < 10; i++) computeEpsilon(p); // warm up the JIT
    const times = Array.from({ length: 21 }, () => {
      const start = performance.now();
      computeEpsilon(p);
      return performance.now() - start;
    });
    return { q, sigma, steps, epsilon: round2(computeEpsilon(p).epsilon), ms: round2(median(times)) };
  });
}

async function benchSecAgg(): Promise<SecAggRow[]> {
  const d = 100_000;
  const rows: SecAggRow[] = [];
  for (const n of [10, 50]) {
    for (const neighbours of [null, 12]) {
      const participants = Array.from({ length: n }, (_, i) => i);
      const survivors = participants.slice(Math.floor(n / 10)); // 10 % drop out after ShareKeys
      const inputs = new Map(
        survivors.map((id) => {
          const rng = new Rng(1, 'bench-secagg', 0, id);
          return [id, Float32Array.from({ length: d }, () => rng.uniform(-1, 1))];
        }),
      );
      const result = await secureSum({ seed: 1, round: 1, participants, inputs, thresholdFraction: 0.6, neighbours, clipRange: 8 });
      rows.push({
        mode: neighbours === null ? 'secagg' : 'secagg+',
        n,
        survivors: survivors.length,
        neighbours: result.neighbours,
        d,
        ms: Math.round(result.ms),
        uploadBytes: result.uploadBytes,
        overheadBytes: result.overheadBytes,
      });
    }
  }
  return rows;
}

export const privacySection: BenchSection = {
  name: 'privacy',
  async run() {
    const accountant = benchAccountant();
    console.log(`${'q'.padEnd(8)}${'σ'.padStart(6)}${'steps'.padStart(8)}${'ε'.padStart(9)}${'ms'.padStart(8)}`);
    for (const r of accountant) {
      console.log(`${String(r.q).padEnd(8)}${String(r.sigma).padStart(6)}${String(r.steps).padStart(8)}${r.epsilon.toFixed(2).padStart(9)}${r.ms.toFixed(2).padStart(8)}`);
    }
    const secagg = await benchSecAgg();
    console.log(`\n${'mode'.padEnd(9)}${'n'.padStart(4)}${'k'.padStart(4)}${'d'.padStart(9)}${'ms'.padStart(8)}${'upload MB'.padStart(11)}${'overhead kB'.padStart(13)}`);
    for (const r of secagg) {
      const cells = [r.n, r.neighbours, r.d, r.ms].map((v, i) => String(v).padStart([4, 4, 9, 8][i]));
      console.log(`${r.mode.padEnd(9)}${cells.join('')}${(r.uploadBytes / 1e6).toFixed(2).padStart(11)}${(r.overheadBytes / 1e3).toFixed(1).padStart(13)}`);
    }
    return { accountant, secagg };
  },
};

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(`wrote ${mergeResults(await privacySection.run())}`);
}
