// The shipped presets do what their names promise (runs the real CLI on 2 workers; takes a minute or two).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunMetrics } from '../core/engine/types';

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
});
