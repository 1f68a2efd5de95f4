// `fedstudio run --variant …`: parsing (unit) and the real CLI (integration: spawned as a user would run it).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunMetrics } from '../core/report/metrics';
import { cli, expectRefused } from './testing';
import { parseVariantFlag } from './variants';

const tmp = mkdtempSync(path.join(tmpdir(), 'fedstudio-variants-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const preset = 'examples/moons-drift.json';

describe('--variant values', () => {
  it('splits path=value pairs on commas, not inside a value, and parses values as --set does', () => {
    expect(parseVariantFlag('aggregator.name=median')).toEqual({ set: { 'aggregator.name': 'median' } });
    expect(parseVariantFlag('privacy.mode=central, privacy.noiseMultiplier=1')).toEqual({
      set: { 'privacy.mode': 'central', 'privacy.noiseMultiplier': 1 },
    });
    expect(parseVariantFlag('model.hidden=[64,32],train.lr=0.05')).toEqual({ set: { 'model.hidden': [64, 32], 'train.lr': 0.05 } });
    expect(() => parseVariantFlag('train.lr=0.1,train.lr=0.2')).toThrow('--variant train.lr=0.1,train.lr=0.2: train.lr is given twice — keep one value');
    expect(() => parseVariantFlag('median')).toThrow('--variant median: expected path=value, e.g. --variant train.lr=0.1');
  });
});

/** Refused before any work: exit 2, one line on stderr matching `line`, nothing on stdout. */
function expectRefusedLike(args: string[], line: RegExp): void {
  const result = cli('run', preset, ...args);
  expect(result.stderr).toMatch(new RegExp(`^fedstudio: ${line.source}\n$`));
  expect(result.stdout).toBe('');
  expect(result.code).toBe(2);
}

describe('fedstudio run --variant: bad input is refused before training', () => {
  it('names the flag, the path and the fix', () => {
    expectRefusedLike(['--variant', 'aggregator.nmae=median'], /--variant aggregator\.nmae: unknown config field "aggregator\.nmae" \(fields of "aggregator": name, .*\)/);
    expectRefusedLike(
      ['--variant', 'aggregator.name=median', '--variant', 'aggregator.name=medain'],
      /--variant aggregator\.name=medain: aggregator\.name: must be one of "mean", .*"median".* \(got "medain"\)/,
    );
    expectRefused(cli('run', preset, '--variant', 'train.lr=-1'), '--variant train.lr=-1: train.lr: must be ≥ 0.00001 (got -1)');
    expectRefused(
      cli('run', preset, '--variant', 'partition.alpha=0.01'),
      '--variant partition.alpha=0.01: partition.alpha: Dirichlet(α=0.01) left some client below minPartitionSize=10 examples in 10 tries: raise partition.alpha, lower partition.minPartitionSize or partition.numClients',
    );
  });

  it('refuses more than 3 variants', () => {
    const four = ['median', 'krum', 'trimmed-mean', 'geometric-median'].flatMap((name) => ['--variant', `aggregator.name=${name}`]);
    expectRefused(cli('run', preset, ...four), '--variant: at most 3 variants besides the config (4 runs side by side), got 4 — drop 1');
  });
});

describe('fedstudio run --variant', () => {
  it('runs the variants side by side: lines name the variant, --out holds each one as its config alone gives it', () => {
    const out = path.join(tmp, 'variants.json');
    const csv = path.join(tmp, 'variants.csv');
    const result = cli('run', preset, '--rounds', '2', '--workers', '2', '--variant', 'aggregator.name=median', '--out', out, '--csv', csv);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^variant +round +test_acc +test_loss +seconds$/);
    const labelled = (label: string) => lines.filter((l) => l.startsWith(`${label} `)).map((l) => Number(l.slice(label.length).trim().split(/\s+/)[0]));
    expect(labelled('mean')).toEqual([0, 1, 2]);
    expect(labelled('median')).toEqual([0, 1, 2]);
    expect(result.stderr).toMatch(/2 variants side by side \(mean \| median\), 2 rounds on 2 worker\(s\)/);
    expect(result.stderr).toMatch(/^done: mean: test accuracy \d\.\d{4} after 2 rounds \(/m);
    expect(result.stderr).toMatch(/^done: median: test accuracy \d\.\d{4} after 2 rounds \(/m);

    const { variants } = JSON.parse(readFileSync(out, 'utf8')) as { variants: RunMetrics[] };
    expect(variants.map((v) => v.config.aggregator.name)).toEqual(['mean', 'median']);
    const csvLines = readFileSync(csv, 'utf8').trimEnd().split('\n');
    expect(csvLines[0].startsWith('variant,round,test_accuracy,')).toBe(true);
    expect(csvLines.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['mean,0', 'mean,1', 'mean,2', 'median,0', 'median,1', 'median,2']);

    const alone = path.join(tmp, 'median-alone.json');
    expect(cli('run', preset, '--rounds', '2', '--workers', '1', '--quiet', '--set', 'aggregator.name=median', '--out', alone).code).toBe(0);
    const numbers = (m: RunMetrics) => m.rounds.map(({ durationMs: _, ...rest }) => rest);
    expect(numbers(variants[1])).toEqual(numbers(JSON.parse(readFileSync(alone, 'utf8')) as RunMetrics));
  });
});
