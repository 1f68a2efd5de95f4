// API tests: what the studio says when its library database ($FEDSTUDIO_DB) cannot be used or had to be replaced.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TRPCError } from '@trpc/server';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLibraryClient } from '../client';
import { DB_ENV } from '../db/dbPath';
import { SCHEMA_VERSION } from '../db/migrations';
import { failure } from '../testing/api';
import { damagePages, writeLibrary } from '../testing/libraryFiles';
import { serveLibrary, type TestServer } from '../testing/serve';
import { serverCaller } from './caller';

const tmp = mkdtempSync(path.join(tmpdir(), 'fedstudio-db-api-'));
const configured = process.env[DB_ENV];
// The studio's own server: the library of $FEDSTUDIO_DB, opened on first use.
let studio: TestServer;
beforeAll(async () => {
  studio = await serveLibrary({});
});
afterAll(async () => {
  await studio.close();
  rmSync(tmp, { recursive: true, force: true });
});
afterEach(() => {
  if (configured === undefined) delete process.env[DB_ENV];
  else process.env[DB_ENV] = configured;
  vi.restoreAllMocks();
});

describe('a library database that cannot be used', () => {
  it('answers every call with a 503 naming the file, the problem and FEDSTUDIO_DB, logged once, the file untouched', async () => {
    const notes = path.join(tmp, 'notes.txt');
    writeFileSync(notes, 'my notes');
    process.env[DB_ENV] = notes;
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const api = createLibraryClient(studio.url);
    const message =
      `the library database ${notes} cannot be used: it is not a FedStudio library (not an SQLite database), so FedStudio left it untouched; ` +
      'set FEDSTUDIO_DB to another file in a folder you can write to (FedStudio creates it) and restart the studio';

    expect(await failure(api.runs.list.query())).toEqual({ code: 'SERVICE_UNAVAILABLE', status: 503, message, issues: null });
    expect(await failure(api.status.query())).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message });
    expect(await failure(api.runs.save.mutate({ name: 'x', metrics: { config: {}, environment: {}, rounds: [] } as never }))).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      message,
    });
    // The run and compare pages (server components) get the same error to show.
    const thrown = (() => {
      try {
        serverCaller();
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(TRPCError);
    expect(thrown).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message });
    expect(log.mock.calls).toEqual([[`fedstudio: ${message}`]]);
    expect(readFileSync(notes, 'utf8')).toBe('my notes');
  });

  it('works again on the next request once FEDSTUDIO_DB points somewhere usable', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    process.env[DB_ENV] = path.join(tmp, 'not-a-folder.txt', 'lib.db');
    writeFileSync(path.join(tmp, 'not-a-folder.txt'), '');
    const api = createLibraryClient(studio.url);
    expect((await failure(api.runs.list.query())).message).toMatch(
      /^the library database .+ cannot be used: part of its path is a file, not a folder \(.+not-a-folder\.txt\); set FEDSTUDIO_DB/,
    );
    process.env[DB_ENV] = path.join(tmp, 'good', 'lib.db');
    expect(await api.runs.list.query()).toEqual({ items: [], total: 0 });
  });
});

describe('a damaged library moved aside', () => {
  it('is reported to the library page: where the old file went, and that the library is new', async () => {
    const file = path.join(tmp, 'damaged', 'lib.db');
    mkdirSync(path.dirname(file));
    writeLibrary(file, SCHEMA_VERSION);
    damagePages(file);
    process.env[DB_ENV] = file;
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const api = createLibraryClient(studio.url);

    const { notice } = await api.status.query();
    const moved = /^the library database (.+) was damaged \(.+\); it was moved to (.+) and a new empty library was started$/.exec(notice ?? '');
    expect(moved?.[1]).toBe(file);
    expect(moved?.[2]).toMatch(/\/damaged\/lib\.db\.corrupt-\d{4}-\d\d-\d\dT[\d-]+Z$/);
    expect(existsSync(moved?.[2] ?? '')).toBe(true);
    expect(await api.runs.list.query()).toEqual({ items: [], total: 0 });
    expect(log.mock.calls).toEqual([[`fedstudio: ${notice}`]]);
    // Told on every visit while this server runs; a healthy library has nothing to say.
    expect((await api.status.query()).notice).toBe(notice);
    process.env[DB_ENV] = path.join(tmp, 'healthy', 'lib.db');
    expect(await api.status.query()).toEqual({ notice: null });
  });
});
