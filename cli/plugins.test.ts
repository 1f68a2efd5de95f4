// `fedstudio plugins`: the reference of every extension point, read from the registries, through the real CLI.
import { describe, expect, it } from 'vitest';
import { EXTENSION_POINTS } from '../core/extensionPoints';
import { cli, expectRefused } from './testing';

describe('fedstudio plugins', () => {
  it('lists every registered plugin of every extension point, with its parameters, as JSON', () => {
    const result = cli('plugins', '--json');
    expect(result.code).toBe(0);
    const docs = JSON.parse(result.stdout) as { section: string; plugins: { name: string; params: { path: string }[] }[] }[];
    expect(docs.map((d) => d.section)).toEqual(EXTENSION_POINTS.map((p) => p.section));
    for (const [i, point] of EXTENSION_POINTS.entries()) {
      expect(docs[i].plugins.map((p) => p.name)).toEqual(point.plugins.map((p) => p.name));
    }
    const krum = docs.find((d) => d.section === 'aggregator')?.plugins.find((p) => p.name === 'krum');
    expect(krum?.params).toEqual([
      {
        path: 'aggregator.f',
        label: 'f (Byzantine count)',
        type: 'integer 0–250',
        default: '2',
        help: 'Number of Byzantine updates per round to tolerate (a count, as in ByzFL).',
      },
    ]);
  });

  it('prints one section as text, optional defaults named by their formula', () => {
    const result = cli('plugins', 'aggregator');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('aggregator.name: choose one with --set aggregator.name=<name>');
    expect(result.stdout).toContain('aggregator.multiKrumM  (integer 1–500; default unset: n − f)');
    expect(result.stdout).toContain('aggregator switches: turn on with --set aggregator.<name>=true');
  });

  it('prints the unset default a shared parameter has under each plugin (serverLr: Flower’s per strategy)', () => {
    const result = cli('plugins', 'strategy');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    const serverLrAfter = (name: string) =>
      lines.slice(lines.findIndex((l) => l.startsWith(`  ${name} `))).find((l) => l.includes('strategy.serverLr'));
    expect(serverLrAfter('fedavgm')).toContain('strategy.serverLr  (number 0.00001–10; default unset: 1)');
    expect(serverLrAfter('fedyogi')).toContain('strategy.serverLr  (number 0.00001–10; default unset: 0.01)');
  });

  it('names the sections it knows for an unknown one', () => {
    expectRefused(
      cli('plugins', 'nope'),
      `plugins: no extension point "nope" (expected one of ${EXTENSION_POINTS.map((p) => p.section).join(', ')})`,
    );
  });

  it('a registered aggregator is a value --set accepts, and an unknown one is refused with the list', () => {
    expect(cli('partition', 'examples/mnist-iid.json', '--set', 'aggregator.name=meamed').code).toBe(0);
    const refused = cli('partition', 'examples/mnist-iid.json', '--set', 'aggregator.name=fltrust');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/aggregator\.name: must be one of .*"meamed"/);
  });
});
