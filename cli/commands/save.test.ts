// `fedstudio run --save --server URL` against the library API on a real HTTP server in this process.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunMetrics } from '../../core/report/metrics';
import { openDatabase } from '../../server/db/openDatabase';
import { Library } from '../../server/library/library';
import { serveLibrary, type TestServer } from '../../server/testing/serve';
import { roundsFromWire } from '../../shared/library/metricsSchema';

const root = path.resolve(import.meta.dirname, '../..');
const tmp = mkdtempSync(path.join(tmpdir(), 'fedstudio-cli-save-'));
let library: Library;
let server: TestServer;

beforeAll(async () => {
  library = new Library(openDatabase(path.join(tmp, 'library.db')));
  server = await serveLibrary({ library: () => library });
});
afterAll(async () => {
  await server.close();
  library.db.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** Runs the CLI without blocking this process's event loop (the server under test lives here). */
function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'cli/bin.mjs'), ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const RUN = ['run', 'examples/moons-drift.json', '--rounds', '2', '--workers', '1', '--quiet'];

describe('fedstudio run --save', () => {
  it('saves the run to the studio and prints its permalink', async () => {
    const out = path.join(tmp, 'saved.json');
    const result = await cli(...RUN, '--out', out, '--save', '--server', `${server.url}/`, '--name', 'from the CLI', '--notes', '<b>2 rounds</b>');
    expect(result.code).toBe(0);
    const link = new RegExp(`^saved: ${server.url}/r/([A-Za-z0-9_-]{12})$`, 'm').exec(result.stderr);
    expect(link, result.stderr).not.toBeNull();

    const run = library.getRun(link![1])!;
    const written = JSON.parse(readFileSync(out, 'utf8')) as RunMetrics;
    expect(run).toMatchObject({ name: 'from the CLI', notes: '<b>2 rounds</b>', roundsCompleted: 2, roundsPlanned: 2 });
    expect(run.environment).toEqual(written.environment);
    expect(run.config).toEqual(written.config);
    // The saved rounds are the ones --out wrote (the metrics JSON is the saved format).
    expect(run.rounds).toEqual(written.rounds);
    expect(run.finalAccuracy).toBe(roundsFromWire(written.rounds)[2].testAccuracy);
    expect(run.durationMs).toBeGreaterThan(0);
  });

  it('with --variant, saves each variant as a run of one group, base first, named with its label', async () => {
    const result = await cli(...RUN, '--variant', 'aggregator.name=median', '--save', '--server', server.url, '--name', 'duel');
    expect(result.code).toBe(0);
    const ids = [...result.stderr.matchAll(/^saved \((mean|median)\): \S+\/r\/(\S+)$/gm)].map((m) => [m[1], m[2]]);
    expect(ids.map(([label]) => label)).toEqual(['mean', 'median']);
    const runs = ids.map(([, id]) => library.getRun(id)!);
    expect(runs.map((r) => [r.name, r.config.aggregator.name, r.group?.index, r.group?.label])).toEqual([
      ['duel · mean', 'mean', 0, 'mean'],
      ['duel · median', 'median', 1, 'median'],
    ]);
    expect(runs[0].group!.id).toBe(runs[1].group!.id);
    expect(library.listRuns({ query: '', filters: {}, groupId: runs[0].group!.id, limit: 10, offset: 0 }).items.map((r) => r.id)).toEqual(
      ids.map(([, id]) => id),
    );
  });

  it('names the run after the config by default', async () => {
    const result = await cli(...RUN, '--save', '--server', server.url);
    expect(result.code).toBe(0);
    const id = /\/r\/(\S+)$/m.exec(result.stderr)![1];
    expect(library.getRun(id)!.name).toBe('Two moons · FedAvg · strong label skew (client drift)');
  });

  it('reports an unreachable studio clearly, after writing the metrics, and exits 1', async () => {
    const port = await closedPort();
    const out = path.join(tmp, 'unsaved.json');
    const result = await cli(...RUN, '--out', out, '--save', '--server', `http://127.0.0.1:${port}`);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `fedstudio: could not save the run to http://127.0.0.1:${port}: cannot connect (ECONNREFUSED); ` +
        `is the studio running? Start it with: npm start (the metrics are in ${out})\n`,
    );
    expect(existsSync(out)).toBe(true);
    expect((JSON.parse(readFileSync(out, 'utf8')) as RunMetrics).rounds).toHaveLength(3);
  });

  it('rejects bad save flags before training (exit 2, one line)', async () => {
    const badUrl = await cli('run', 'examples/moons-drift.json', '--save', '--server', 'ftp://example');
    expect(badUrl).toMatchObject({ code: 2, stderr: 'fedstudio: --server: must be an http(s) URL, e.g. http://127.0.0.1:3000 (got ftp://example)\n' });
    const stray = await cli('run', 'examples/moons-drift.json', '--server', server.url);
    expect(stray).toMatchObject({ code: 2, stderr: 'fedstudio: --server only goes with --save\n' });
    const emptyName = await cli('run', 'examples/moons-drift.json', '--save', '--name', ' ');
    expect(emptyName).toMatchObject({ code: 2, stderr: 'fedstudio: --name: must not be empty (got  )\n' });
  });
});
