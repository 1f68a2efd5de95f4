import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveDbPath } from './dbPath';
import { SCHEMA_VERSION } from './migrations';
import { openDatabase } from './openDatabase';

const tmp = mkdtempSync(path.join(tmpdir(), 'fedstudio-db-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const now = () => new Date('2026-01-02T03:04:05.678Z');

describe('database file', () => {
  it('is $FEDSTUDIO_DB, else data/fedstudio.db, relative to the working directory', () => {
    expect(resolveDbPath({}, '/srv/app')).toBe('/srv/app/data/fedstudio.db');
    expect(resolveDbPath({ FEDSTUDIO_DB: 'db/x.sqlite' }, '/srv/app')).toBe('/srv/app/db/x.sqlite');
    expect(resolveDbPath({ FEDSTUDIO_DB: '/var/lib/fs.db' }, '/srv/app')).toBe('/var/lib/fs.db');
    expect(resolveDbPath({ FEDSTUDIO_DB: '  ' }, '/srv/app')).toBe('/srv/app/data/fedstudio.db');
  });

  it('is created with its folder, in WAL mode, migrated to the current schema', () => {
    const file = path.join(tmp, 'new', 'nested', 'lib.db');
    const db = openDatabase(file);
    expect(existsSync(file)).toBe(true);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(['experiments', 'runs']);
    db.close();
    // Reopening keeps the data and does not migrate again.
    const again = openDatabase(file);
    expect(again.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    again.close();
  });

  it('moves a file that is not a database aside, says so, and starts a fresh one', () => {
    const file = path.join(tmp, 'garbage.db');
    writeFileSync(file, 'this is not an SQLite database, just text that happens to be here\n'.repeat(100));
    const logs: string[] = [];
    const db = openDatabase(file, { log: (m) => logs.push(m), now });
    const aside = `${file}.corrupt-2026-01-02T03-04-05-678Z`;
    expect(logs).toEqual([
      `fedstudio: the library database ${file} is corrupt (file is not a database); moved it to ${aside} and started a new empty library`,
    ]);
    expect(readFileSync(aside, 'utf8')).toMatch(/^this is not an SQLite database/);
    expect(db.prepare('SELECT COUNT(*) FROM runs').pluck().get()).toBe(0);
    db.close();
  });

  it('moves a database with damaged pages aside and starts a fresh one', () => {
    const file = path.join(tmp, 'damaged.db');
    const original = new Database(file);
    original.exec('CREATE TABLE t (x TEXT); CREATE INDEX t_x ON t(x);');
    const insert = original.prepare('INSERT INTO t VALUES (?)');
    original.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`row ${i} ${'x'.repeat(50)}`);
    })();
    original.close();
    // Overwrite pages 2.. (the table and index b-trees) with junk; page 1 (header and schema) stays valid.
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(4096 * 4, 0xa5), 0, 4096 * 4, 4096);
    closeSync(fd);

    const logs: string[] = [];
    const db = openDatabase(file, { log: (m) => logs.push(m), now });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(new RegExp(`^fedstudio: the library database ${file} is corrupt \\(.+\\); moved it to ${file}\\.corrupt-`));
    const leftovers = readdirSync(tmp).filter((f) => f.startsWith('damaged.db.corrupt-')).sort();
    expect(leftovers).toEqual(['damaged.db.corrupt-2026-01-02T03-04-05-678Z']);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('refuses a database from a newer FedStudio without touching it', () => {
    const file = path.join(tmp, 'future.db');
    const future = new Database(file);
    future.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    future.close();
    expect(() => openDatabase(file)).toThrow(
      `the library database ${file} has schema version ${SCHEMA_VERSION + 1}, newer than this FedStudio understands (${SCHEMA_VERSION}): update FedStudio, or set FEDSTUDIO_DB to another file`,
    );
    expect(readdirSync(tmp).some((f) => f.startsWith('future.db.corrupt'))).toBe(false);
  });
});
