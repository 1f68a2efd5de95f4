import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { damagePages, writeLibrary } from '../testing/libraryFiles';
import { resolveDbPath } from './dbPath';
import { LibraryUnavailableError } from './errors';
import { APPLICATION_ID, SCHEMA_VERSION } from './migrations';
import { openDatabase } from './openDatabase';

const tmp = mkdtempSync(path.join(tmpdir(), 'fedstudio-db-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const now = () => new Date('2026-01-02T03:04:05.678Z');
const FIX = 'set FEDSTUDIO_DB to another file in a folder you can write to (FedStudio creates it) and restart the studio';

/** A fresh folder under tmp, so that listings show exactly what a test left behind. */
function folder(name: string): string {
  const dir = path.join(tmp, name);
  mkdirSync(dir);
  return dir;
}

/** The LibraryUnavailableError `open` throws. */
function refusal(open: () => unknown): LibraryUnavailableError {
  try {
    open();
  } catch (error) {
    if (error instanceof LibraryUnavailableError) return error;
    throw error;
  }
  throw new Error('expected the database to be refused');
}

describe('database file', () => {
  it('is $FEDSTUDIO_DB, else data/fedstudio.db, relative to the working directory', () => {
    expect(resolveDbPath({}, '/srv/app')).toBe('/srv/app/data/fedstudio.db');
    expect(resolveDbPath({ FEDSTUDIO_DB: 'db/x.sqlite' }, '/srv/app')).toBe('/srv/app/db/x.sqlite');
    expect(resolveDbPath({ FEDSTUDIO_DB: '/var/lib/fs.db' }, '/srv/app')).toBe('/var/lib/fs.db');
    expect(resolveDbPath({ FEDSTUDIO_DB: '  ' }, '/srv/app')).toBe('/srv/app/data/fedstudio.db');
  });

  it('is created with its folder, in WAL mode, migrated to the current schema and marked as a FedStudio library', () => {
    const file = path.join(tmp, 'new', 'nested', 'lib.db');
    const db = openDatabase(file);
    expect(existsSync(file)).toBe(true);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(['experiments', 'runs']);
    db.close();
    // Reopening keeps the data and does not migrate again.
    const again = openDatabase(file);
    expect(again.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    again.close();
  });

  it('takes an empty file as a new library', () => {
    const file = path.join(folder('empty'), 'lib.db');
    writeFileSync(file, '');
    const db = openDatabase(file);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    db.close();
  });

  it('opens a library from before application_id, keeps its experiments and marks it', () => {
    const file = path.join(folder('schema1'), 'lib.db');
    writeLibrary(file, 1, 3);
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.prepare('SELECT id FROM experiments ORDER BY id').pluck().all()).toEqual(['exp-0', 'exp-1', 'exp-2']);
    db.close();
  });
});

describe('a file that is not a FedStudio library', () => {
  it('is refused and left untouched when it is not an SQLite database (the user’s notes)', () => {
    const dir = folder('notes');
    const file = path.join(dir, 'notes.txt');
    const notes = 'Meeting notes\nnot an SQLite database, just text that happens to be here\n'.repeat(100);
    writeFileSync(file, notes);
    const error = refusal(() => openDatabase(file, { onMovedAside: () => expect.fail('must not move the file') }));
    expect(error.message).toBe(
      `the library database ${file} cannot be used: it is not a FedStudio library (not an SQLite database), ` +
        `so FedStudio left it untouched; ${FIX}`,
    );
    expect(readFileSync(file, 'utf8')).toBe(notes);
    expect(readdirSync(dir)).toEqual(['notes.txt']);
  });

  it('is refused and left untouched when it is another program’s SQLite database', () => {
    const dir = folder('foreign');
    const file = path.join(dir, 'places.sqlite');
    const other = new Database(file);
    other.exec("CREATE TABLE moz_places (url TEXT); INSERT INTO moz_places VALUES ('https://example.org');");
    other.close();
    const before = readFileSync(file);
    expect(refusal(() => openDatabase(file)).message).toBe(
      `the library database ${file} cannot be used: it is another program's SQLite database, not a FedStudio library, ` +
        `so FedStudio left it untouched; ${FIX}`,
    );
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['places.sqlite']);
  });

  it('is refused when it is a folder', () => {
    const dir = folder('a-folder');
    expect(refusal(() => openDatabase(dir)).message).toBe(`the library database ${dir} cannot be used: it is a folder, not a file; ${FIX}`);
  });
});

describe('a damaged library', () => {
  it.each([
    ['marked with application_id', SCHEMA_VERSION],
    ['from before application_id, recognised by its tables', 1],
  ])('is moved aside, reported and replaced by an empty library (%s)', (_, schemaVersion) => {
    const dir = folder(`damaged-${schemaVersion}`);
    const file = path.join(dir, 'lib.db');
    writeLibrary(file, schemaVersion);
    damagePages(file);

    const reports: string[] = [];
    const db = openDatabase(file, { onMovedAside: (m) => reports.push(m), now });
    const aside = `${file}.corrupt-2026-01-02T03-04-05-678Z`;
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatch(/^the library database .+ was damaged \(.+\); it was moved to .+ and a new empty library was started$/);
    expect(reports[0]).toContain(`${file} was damaged (`);
    expect(reports[0]).toContain(`moved to ${aside} and`);
    expect(readdirSync(dir).sort()).toEqual(['lib.db', 'lib.db-shm', 'lib.db-wal', 'lib.db.corrupt-2026-01-02T03-04-05-678Z']);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT COUNT(*) FROM experiments').pluck().get()).toBe(0);
    db.close();
  });

  it('from a newer FedStudio is refused without touching it', () => {
    const file = path.join(folder('future'), 'future.db');
    const future = new Database(file);
    future.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    future.close();
    expect(refusal(() => openDatabase(file)).message).toBe(
      `the library database ${file} has schema version ${SCHEMA_VERSION + 1}, newer than this FedStudio understands (${SCHEMA_VERSION}): update FedStudio, or set FEDSTUDIO_DB to another file`,
    );
    expect(readdirSync(path.dirname(file))).toEqual(['future.db']);
  });
});

describe('a location that cannot hold the library', () => {
  it('under a file (ENOTDIR) is refused with the fix', () => {
    const notes = path.join(folder('under-a-file'), 'notes.txt');
    writeFileSync(notes, 'notes');
    const file = path.join(notes, 'lib', 'lib.db');
    expect(refusal(() => openDatabase(file)).message).toBe(
      `the library database ${file} cannot be used: part of its path is a file, not a folder ` +
        `(ENOTDIR: not a directory, mkdir '${path.dirname(file)}'); ${FIX}`,
    );
  });

  // /proc refuses new entries with ENOENT, on which fs.mkdirSync({ recursive: true }) used to loop forever.
  it.runIf(existsSync('/proc/self'))('in a folder that cannot be created (/proc/x) is refused with the fix', () => {
    expect(refusal(() => openDatabase('/proc/x/lib.db')).message).toBe(
      `the library database /proc/x/lib.db cannot be used: its folder cannot be created (ENOENT: no such file or directory, mkdir '/proc/x'); ${FIX}`,
    );
    expect(refusal(() => openDatabase('/proc/lib.db')).message).toBe(
      `the library database /proc/lib.db cannot be used: it cannot be opened or created there (unable to open database file); ${FIX}`,
    );
  });

  // Permission bits do not bind root.
  it.skipIf(process.getuid?.() === 0)('in a read-only folder is refused with the fix, for a new and an existing library', () => {
    const dir = folder('read-only');
    const existing = path.join(dir, 'existing.db');
    openDatabase(existing).close();
    chmodSync(dir, 0o555);
    chmodSync(existing, 0o444);
    try {
      expect(refusal(() => openDatabase(path.join(dir, 'new.db'))).message).toBe(
        `the library database ${path.join(dir, 'new.db')} cannot be used: it cannot be opened or created there (unable to open database file); ${FIX}`,
      );
      expect(refusal(() => openDatabase(existing)).message).toBe(
        `the library database ${existing} cannot be used: it is read-only (attempt to write a readonly database); ${FIX}`,
      );
    } finally {
      chmodSync(dir, 0o755);
    }
  });
});
