// --out / --csv as a user meets them: a bad target is refused before training (exit 2, one line naming the flag and the
// fix, no round table); a target that fails only at the end (a full disk) loses neither the other file nor the metrics;
// a run stopped by SIGTERM writes the rounds done so far, like Ctrl-C.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, cli, expectRefused, root } from './testing';
import type { RunMetrics } from '../core/report/metrics';

const tmp = mkdtempSync(path.join(tmpdir(), 'fedstudio-outputs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const RUN = ['run', 'examples/moons-drift.json', '--rounds', '1', '--workers', '1'];
const linux = process.platform === 'linux';

const at = (...parts: string[]) => path.join(tmp, ...parts);

describe('fedstudio run --out/--csv: a bad target is refused before training', () => {
  it('--out naming a folder', () => {
    const csv = at('folder-case.csv');
    expectRefused(cli(...RUN, '--out', tmp, '--csv', csv), `--out: ${tmp} is a folder — name a file in it, e.g. --out ${at('metrics.json')}`);
    expect(existsSync(csv)).toBe(false);
  });

  it('--out under a regular file (a file’s child), which is left as it was', () => {
    const file = at('notes.txt');
    writeFileSync(file, 'keep me');
    expectRefused(
      cli(...RUN, '--out', at('notes.txt', 'metrics.json')),
      `--out: cannot write ${at('notes.txt', 'metrics.json')}: ${file} is a file, not a folder — choose another path`,
    );
    expect(readFileSync(file, 'utf8')).toBe('keep me');
  });

  it.runIf(linux)('--out where nothing can be created (/proc refuses even root), also in a folder to create there', () => {
    expectRefused(
      cli(...RUN, '--out', '/proc/metrics.json'),
      '--out: cannot write /proc/metrics.json (nothing can be created there) — choose a writable path, e.g. --out runs/metrics.json',
    );
    expectRefused(
      cli(...RUN, '--csv', '/proc/fedstudio/metrics.csv'),
      '--csv: cannot create the folder /proc/fedstudio (nothing can be created there) — choose another path',
    );
  });

  it.runIf(linux)('a bad --csv leaves an existing --out file untouched (the check does not truncate)', () => {
    const out = at('previous.json');
    writeFileSync(out, '{"from": "an earlier run"}');
    expectRefused(
      cli(...RUN, '--out', out, '--csv', '/proc/metrics.csv'),
      '--csv: cannot write /proc/metrics.csv (nothing can be created there) — choose a writable path, e.g. --csv runs/metrics.csv',
    );
    expect(readFileSync(out, 'utf8')).toBe('{"from": "an earlier run"}');
  });

  it('--out overwriting the config file, or --csv the --out file', () => {
    expectRefused(
      cli(...RUN, '--out', 'examples/moons-drift.json'),
      '--out: examples/moons-drift.json is the config file (the metrics would overwrite it) — give another file name',
    );
    const same = at('same.json');
    expectRefused(cli(...RUN, '--out', same, '--csv', same), `--csv: ${same} is already the --out file — give another file name`);
  });
});

describe('fedstudio run --out/--csv: written one by one after the run', () => {
  it.runIf(existsSync('/dev/full'))('a disk full for --out: --csv is still written (its missing folders created), the metrics JSON kept in a temp file, exit 1', () => {
    const csv = at('new', 'folder', 'metrics.csv');
    const result = cli(...RUN, '--quiet', '--out', '/dev/full', '--csv', csv);
    expect(result.code).toBe(1);
    const kept = /^fedstudio: could not write --out \/dev\/full \(no space left on device\); the metrics JSON is kept in (\S+) instead$/m.exec(
      result.stderr,
    );
    expect(kept, result.stderr).not.toBeNull();
    const metrics = JSON.parse(readFileSync(kept![1], 'utf8')) as RunMetrics;
    rmSync(path.dirname(kept![1]), { recursive: true });
    expect(metrics.rounds.map((r) => r.round)).toEqual([0, 1]);
    expect(readFileSync(csv, 'utf8').trimEnd().split('\n')).toHaveLength(3);
  });

  it('SIGTERM mid-run stops after the rounds done, writes them to --out and --csv, and exits 143', async () => {
    const out = at('terminated', 'metrics.json');
    const csv = at('terminated', 'metrics.csv');
    const child = spawn(process.execPath, [BIN, 'run', 'examples/moons-drift.json', '--rounds', '1000', '--workers', '1', '--out', out, '--csv', csv], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (!child.killed && /^ +2 /m.test(stdout)) child.kill('SIGTERM'); // once, after round 2 is printed
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));

    expect(code).toBe(143);
    const printed = stdout.trimEnd().split('\n').slice(1).map((l) => Number(l.trim().split(/\s+/)[0]));
    const done = printed.at(-1)!;
    expect(done).toBeGreaterThanOrEqual(2);
    expect(done).toBeLessThan(1000);
    expect(stderr).toContain('stopping on SIGTERM… (send it again to quit at once)\n');
    expect(stderr).toMatch(new RegExp(`fedstudio: stopped after round ${done}\\n$`));
    const metrics = JSON.parse(readFileSync(out, 'utf8')) as RunMetrics;
    expect(metrics.rounds.map((r) => r.round)).toEqual(printed);
    expect(readFileSync(csv, 'utf8').trimEnd().split('\n')).toHaveLength(done + 2); // header, rounds 0..done
  });
});

describe('fedstudio run --workers', () => {
  const cores = availableParallelism();
  it.runIf(cores < 64)('more workers than cores: a warning on stderr, and the run goes on', () => {
    const out = at('workers.json');
    const result = cli(...RUN, '--quiet', '--workers', String(cores + 1), '--out', out);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      `fedstudio: warning: --workers ${cores + 1} is more than the ${cores} cores: the extra workers only take turns on them, ` +
        'so the run is no faster and needs more memory\n',
    );
    expect((JSON.parse(readFileSync(out, 'utf8')) as RunMetrics).rounds).toHaveLength(2);
  });
});
