// A config with a schedule of live changes runs from the CLI as it is (the studio's saved history), and running a
// saved run's config again gives the same numbers (runs the real CLI on 2 workers, a few seconds each).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunMetrics } from '../core/report/metrics';
import { cli } from './testing';

const tmp = mkdtempSync(path.join(tmpdir(), 'fedstudio-live-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Two moons under 30% sign-flippers (×5): the mean until round 2, the coordinate-wise median from round 3. */
const config = {
  name: 'Two moons · sign-flip · mean → median at round 3',
  seed: 42,
  rounds: 6,
  data: { dataset: 'moons', numSamples: 600, noise: 0.1, testFraction: 0.2 },
  partition: { numClients: 10, method: 'iid' },
  model: { kind: 'mlp', hidden: [16] },
  train: { lr: 0.2, localEpochs: 2, batchSize: 16 },
  sampling: { fraction: 1 },
  attack: { kind: 'sign-flip', fraction: 0.3, signFlipScale: 5 },
  schedule: [{ round: 3, set: { 'aggregator.name': 'median' } }],
};

function run(file: string, name: string): { metrics: RunMetrics; stdout: string } {
  const out = path.join(tmp, `${name}.json`);
  const result = cli('run', file, '--workers', '2', '--out', out);
  expect(result.code).toBe(0);
  return { metrics: JSON.parse(readFileSync(out, 'utf8')) as RunMetrics, stdout: result.stdout };
}

const numbers = (m: RunMetrics) => m.rounds.map(({ durationMs: _, ...rest }) => rest);

describe('fedstudio run with a schedule of live changes', () => {
  it('applies mean → median at round 3, marks it in the round line and the JSON, and a saved run replays bit for bit', () => {
    const file = path.join(tmp, 'moons-switch.json');
    writeFileSync(file, JSON.stringify(config));
    const { metrics, stdout } = run(file, 'switch');
    expect(metrics.rounds.map((r) => r.changes ?? null)).toEqual([null, null, null, { 'aggregator.name': 'median' }, null, null, null]);
    expect(metrics.config.schedule).toEqual(config.schedule);
    expect(stdout.split('\n').find((l) => /^ {4}3 /.test(l))).toMatch(/ {2}changed aggregator\.name=median$/);
    // The median's decisions from round 3 on, and the model recovers from what the sign-flippers did to the mean.
    expect(metrics.rounds[2].clients.some((c) => c.decision)).toBe(false);
    expect(metrics.rounds[3].clients.every((c) => c.decision)).toBe(true);
    expect(metrics.rounds[6].testAccuracy).toBeGreaterThan(metrics.rounds[2].testAccuracy + 0.2);

    const saved = path.join(tmp, 'saved-config.json');
    writeFileSync(saved, JSON.stringify(metrics.config));
    expect(numbers(run(saved, 'replay').metrics)).toEqual(numbers(metrics));
  }, 120_000);

  it('refuses a schedule that changes a setting that is not live, naming the field', () => {
    const file = path.join(tmp, 'bad.json');
    writeFileSync(file, JSON.stringify({ ...config, schedule: [{ round: 3, set: { 'partition.numClients': 20 } }] }));
    const result = cli('run', file);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/schedule\.0\.set\.partition\.numClients: `partition\.numClients` cannot change during a run: live settings are/);
  });
});
