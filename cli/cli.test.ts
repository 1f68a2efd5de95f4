// Integration tests: spawn the real CLI (cli/bin.mjs) as a user would.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, expectRefused } from './testing';
import type { RunMetrics } from '../core/report/metrics';

const tmp = mkdtempSync(path.join(tmpdir(), 'fedstudio-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function tmpFile(name: string, content: string): string {
  const file = path.join(tmp, name);
  writeFileSync(file, content);
  return file;
}

describe('fedstudio CLI: bad input', () => {
  it('missing config file', () => {
    const file = path.join(tmp, 'nope.json');
    expectRefused(cli('run', file), `config file not found: ${file}`);
  });

  it('file that is not JSON', () => {
    const file = tmpFile('broken.json', '{"rounds": 3,');
    const result = cli('run', file);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^fedstudio: ${file} is not valid JSON \\(.+\\)\\n$`));
  });

  it('invalid config value, naming the field, the bound and the value', () => {
    const file = tmpFile('bad-alpha.json', JSON.stringify({ partition: { method: 'dirichlet', alpha: -1 } }));
    expectRefused(cli('run', file), `invalid config in ${file}: partition.alpha: must be ≥ 0.001 (got -1)`);
  });

  it('unknown flag, bad flag value, unknown --set path, unknown command', () => {
    const preset = 'examples/moons-drift.json';
    expectRefused(cli('run', preset, '--epochs', '3'), 'run: unknown option --epochs (see fedstudio run --help)');
    expectRefused(cli('run', preset, '--workers', 'two'), '--workers: must be an integer (got two)');
    expect(cli('run', preset, '--set', 'train.rate=0.1').stderr).toMatch(
      /^fedstudio: --set train.rate: unknown config field "train.rate" \(fields of "train": .*\)\n$/,
    );
    expectRefused(
      cli('run', preset, '--set', 'strategy.name=fedsgd'),
      `invalid config in ${preset}: strategy.name: must be one of "fedavg", "fedprox", "fedavgm", "fedadam", "fedyogi", "fedadagrad" (got "fedsgd")`,
    );
    expectRefused(cli('train', preset), 'unknown command "train" (expected run, partition, privacy or plugins; see fedstudio --help)');
  });

  it('--help prints usage and exits 0', () => {
    const result = cli('run', '--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: fedstudio run <config.json> [options]');
  });
});

describe('fedstudio partition', () => {
  it('prints one row per client with size, Hellinger distance and class counts, then the mean skew', () => {
    const result = cli('partition', 'examples/mnist-dirichlet.json', '--set', 'partition.numClients=8');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('mnist · Dirichlet (α = 0.1) · 8 clients · 8000 training examples · seed 42');
    expect(lines[1]).toMatch(/^client +size +hellinger +classes \(class:count\)$/);
    const rows = lines.slice(2, -1).map((line) => line.trim().split(/\s+/));
    expect(rows.map((r) => Number(r[0]))).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    let total = 0;
    for (const [, size, hellinger, ...classes] of rows) {
      const counts = classes.map((c) => Number(c.split(':')[1]));
      expect(counts.reduce((a, b) => a + b, 0)).toBe(Number(size));
      expect(Number(hellinger)).toBeGreaterThanOrEqual(0);
      expect(Number(hellinger)).toBeLessThanOrEqual(1);
      total += Number(size);
    }
    expect(total).toBe(8000);
    const mean = rows.reduce((s, r) => s + Number(r[2]), 0) / rows.length;
    const reported = Number(/: (\d\.\d{3})$/.exec(lines.at(-1)!)?.[1]);
    expect(lines.at(-1)).toMatch(/^mean skew/);
    expect(reported).toBeCloseTo(mean, 2);
    expect(reported).toBeGreaterThan(0.3);
  });
});

describe('fedstudio run', () => {
  it('applies --set/--rounds, prints a line per round and writes the metrics JSON and CSV', () => {
    const out = path.join(tmp, 'metrics.json');
    const csv = path.join(tmp, 'metrics.csv');
    const result = cli(
      'run', 'examples/moons-drift.json', '--rounds', '3', '--workers', '1',
      '--set', 'train.lr=0.2', '--set', 'sampling.fraction=0.3', '--set', 'system.dropoutProb=0.2',
      '--out', out, '--csv', csv,
    );
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('round  test_acc  test_loss  seconds');
    expect(lines.slice(1).map((l) => Number(l.trim().split(/\s+/)[0]))).toEqual([0, 1, 2, 3]);

    const metrics = JSON.parse(readFileSync(out, 'utf8')) as RunMetrics;
    expect(metrics.config.train.lr).toBe(0.2);
    expect(metrics.config.rounds).toBe(3);
    expect(metrics.config.name).toBe('Two moons · FedAvg · strong label skew (client drift)');
    expect(metrics.environment).toEqual({ backend: 'wasm', simd: expect.any(Boolean), workers: 1, runtime: 'node' });
    expect(metrics.rounds.map((r) => r.round)).toEqual([0, 1, 2, 3]);
    expect(metrics.rounds[0].clients).toEqual([]);
    for (const r of metrics.rounds) {
      expect(Object.keys(r)).toEqual(expect.arrayContaining(['round', 'testAccuracy', 'testLoss', 'durationMs', 'bytesUp', 'bytesDown', 'clients']));
      expect(r.testAccuracy).toBeGreaterThanOrEqual(0);
      expect(r.durationMs).toBeGreaterThan(0);
    }
    for (const r of metrics.rounds.slice(1)) {
      expect(r.clients).toHaveLength(3); // max(floor(10 · 0.3), 2)
      for (const c of r.clients) {
        expect(Object.keys(c)).toEqual(expect.arrayContaining(['id', 'numExamples', 'trainLoss', 'localAccuracy', 'updateNorm', 'dropped']));
        if (!c.dropped) expect(c.updateNorm).toBeGreaterThan(0);
      }
      const received = r.clients.filter((c) => !c.dropped).length;
      expect(r.bytesUp * 3).toBe(r.bytesDown * received);
    }
    const csvLines = readFileSync(csv, 'utf8').trimEnd().split('\n');
    expect(csvLines).toHaveLength(5);
    expect(csvLines[0].startsWith('round,test_accuracy,test_loss,')).toBe(true);
  });

  it('is reproducible: the same config gives the same numbers on 1 or 2 workers', () => {
    const run = (workers: string) => {
      const out = path.join(tmp, `repro-${workers}.json`);
      expect(cli('run', 'examples/moons-drift.json', '--rounds', '2', '--workers', workers, '--quiet', '--out', out).code).toBe(0);
      const { rounds } = JSON.parse(readFileSync(out, 'utf8')) as RunMetrics;
      return rounds.map(({ durationMs: _, ...rest }) => rest);
    };
    expect(run('2')).toEqual(run('1'));
  });

  it('privacy, SecAgg and compression are reproducible too, and the run reports the ε it spent', () => {
    const run = (workers: string, ...sets: string[]) => {
      const out = path.join(tmp, `private-${workers}.json`);
      const csv = path.join(tmp, `private-${workers}.csv`);
      const args = sets.flatMap((s) => ['--set', s]);
      const result = cli('run', 'examples/moons-drift.json', '--rounds', '2', '--workers', workers, '--out', out, '--csv', csv, ...args);
      expect(result.code).toBe(0);
      const { rounds } = JSON.parse(readFileSync(out, 'utf8')) as RunMetrics;
      // The masks come from fresh key pairs each run: only what the server saw and the wall times differ.
      const comparable = rounds.map(({ durationMs: _, secureAggregation, ...rest }) => {
        if (!secureAggregation) return rest;
        const { ms: _ms, preview, ...protocol } = secureAggregation;
        return { ...rest, protocol, input: preview?.input, sum: preview?.sum };
      });
      return { comparable, stderr: result.stderr, csv: readFileSync(csv, 'utf8') };
    };
    const secure = ['privacy.mode=central', 'privacy.noiseMultiplier=0.8', 'secureAggregation.mode=secagg'];
    const a = run('1', ...secure);
    expect(run('2', ...secure).comparable).toEqual(a.comparable);
    expect(a.stderr).toMatch(/done: test accuracy \d\.\d{4} after 2 rounds, ε = \d+(\.\d+)? at δ = 1e-5/);
    expect(a.csv.split('\n')[0]).toMatch(/,epsilon,clip_norm$/);
    const compressed = ['compression.sparsify=top-k', 'compression.quantizeBits=4', 'privacy.dpSgd=true', 'privacy.mode=local'];
    expect(run('2', ...compressed).comparable).toEqual(run('1', ...compressed).comparable);
  });
});
