// The attack presets through the real CLI (20 MNIST clients, 4 of them malicious; ALIE: 50 clients, 20 malicious).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunMetrics } from '../core/report/metrics';

const root = path.resolve(import.meta.dirname, '..');
const tmp = mkdtempSync(path.join(tmpdir(), 'fedstudio-attacks-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(preset: string, rounds: number, name: string, ...set: string[]): RunMetrics {
  const out = path.join(tmp, `${name}.json`);
  const args = ['run', `examples/${preset}.json`, '--rounds', String(rounds), '--workers', '2', '--quiet', '--out', out];
  const result = spawnSync(process.execPath, [path.join(root, 'cli/bin.mjs'), ...args, ...set.flatMap((s) => ['--set', s])], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(readFileSync(out, 'utf8')) as RunMetrics;
}

const finalAccuracy = (m: RunMetrics) => m.rounds[m.rounds.length - 1].testAccuracy;

describe('attack-signflip.json', () => {
  it('FedAvg collapses while the coordinate-wise median stays near the attack-free run', () => {
    const clean = run('attack-signflip', 5, 'clean', 'attack.kind=none');
    const fedavg = run('attack-signflip', 5, 'fedavg');
    const median = run('attack-signflip', 5, 'median', 'aggregator.name=median');

    expect(finalAccuracy(clean)).toBeGreaterThan(0.85);
    expect(finalAccuracy(fedavg)).toBeLessThan(0.5);
    expect(finalAccuracy(median)).toBeGreaterThan(finalAccuracy(clean) - 0.05);

    // Attack fields only in attack runs: 4 of the 20 clients are marked, and their updates point away from the aggregate.
    expect(clean.rounds[1].clients.some((c) => 'malicious' in c || 'cosineToAggregate' in c)).toBe(false);
    const clients = median.rounds[5].clients;
    expect(clients.filter((c) => c.malicious)).toHaveLength(4);
    for (const c of clients) {
      expect(Math.sign(c.cosineToAggregate ?? NaN)).toBe(c.malicious ? -1 : 1);
      expect(c.decision?.trimmedFraction).toBeGreaterThan(0);
    }
  }, 90_000);
});

describe('attack-backdoor.json', () => {
  it('the backdoor succeeds under FedAvg and markedly less under norm bounding, at a small main-task cost', () => {
    const fedavg = run('attack-backdoor', 10, 'backdoor-fedavg');
    const bounded = run('attack-backdoor', 10, 'backdoor-norm', 'aggregator.name=norm-bound');
    const success = (m: RunMetrics) => m.rounds[10].attackSuccess ?? NaN;

    expect(fedavg.rounds.every((r) => r.attackSuccess !== undefined)).toBe(true);
    expect(success(fedavg)).toBeGreaterThan(0.6);
    expect(success(bounded)).toBeLessThan(success(fedavg) - 0.3);
    expect(finalAccuracy(bounded)).toBeGreaterThan(finalAccuracy(fedavg) - 0.05);
  }, 90_000);
});

describe('attack-alie.json', () => {
  it('ALIE pulls the trimmed mean clearly below the attack-free run (issue 14, bug 8: it used to change nothing)', () => {
    // 4 of the preset's 10 rounds keep the gap (about 9 points at round 4) at a third of the time.
    const clean = run('attack-alie', 4, 'alie-clean', 'attack.kind=none');
    const alie = run('attack-alie', 4, 'alie');
    expect(finalAccuracy(clean)).toBeGreaterThan(0.85);
    expect(finalAccuracy(alie)).toBeLessThan(finalAccuracy(clean) - 0.05);
  }, 90_000);
});
