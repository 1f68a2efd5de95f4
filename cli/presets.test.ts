// The shipped presets do what their names promise (runs the real CLI on 2 workers; takes a minute or two).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunMetrics } from '../core/report/metrics';
import { computeEpsilon } from '../core/privacy/rdp';
import { clientsPerRound } from '../core/config/derived';

const root = path.resolve(import.meta.dirname, '..');
const tmp = mkdtempSync(path.join(tmpdir(), 'fedstudio-presets-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function runPreset(name: string): RunMetrics {
  const out = path.join(tmp, `${name}.json`);
  const result = spawnSync(
    process.execPath,
    [path.join(root, 'cli/bin.mjs'), 'run', `examples/${name}.json`, '--workers', '2', '--quiet', '--out', out],
    { cwd: root, encoding: 'utf8', timeout: 300_000 },
  );
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(readFileSync(out, 'utf8')) as RunMetrics;
}

const accuracy = (m: RunMetrics, round: number) => m.rounds[round].testAccuracy;

describe('presets', () => {
  let iid: RunMetrics;

  it('mnist-iid reaches ≥ 90% test accuracy by round 10', () => {
    iid = runPreset('mnist-iid');
    expect(iid.rounds).toHaveLength(11);
    expect(accuracy(iid, 10)).toBeGreaterThanOrEqual(0.9);
  });

  it('mnist-dirichlet (α = 0.1) is visibly worse at round 10', () => {
    const skewed = runPreset('mnist-dirichlet');
    expect(accuracy(skewed, 10)).toBeLessThan(accuracy(iid, 10) - 0.03);
  });

  it('moons-drift learns despite strong label skew', () => {
    const moons = runPreset('moons-drift');
    expect(accuracy(moons, moons.config.rounds)).toBeGreaterThan(accuracy(moons, 0));
  });

  it('dp-fedavg reports ε every round (the accountant at q = m/N) and still learns', () => {
    const dp = runPreset('dp-fedavg');
    const { rounds } = dp.config;
    const q = clientsPerRound(dp.config) / dp.config.partition.numClients;
    const epsilons = dp.rounds.map((r) => r.epsilon!);
    expect(epsilons[0]).toBe(0);
    for (let i = 1; i <= rounds; i++) expect(epsilons[i]).toBeGreaterThan(epsilons[i - 1]);
    const final = computeEpsilon({ q, noiseMultiplier: 1, steps: rounds, delta: 1e-5 }).epsilon;
    expect(epsilons[rounds]).toBeCloseTo(final, 10);
    expect(accuracy(dp, rounds)).toBeGreaterThan(0.8);
  });

  it('secagg recovers every round’s sum despite dropouts and learns like FedAvg', () => {
    const secure = runPreset('secagg');
    for (const r of secure.rounds.slice(1)) {
      expect(r.secureAggregation?.error).toBeUndefined();
      expect(r.secureAggregation!.survivors).toBe(r.clients.filter((c) => !c.dropped).length);
    }
    expect(secure.rounds.some((r) => r.clients.some((c) => c.dropped))).toBe(true);
    expect(accuracy(secure, secure.config.rounds)).toBeGreaterThanOrEqual(0.9);
  });
});
