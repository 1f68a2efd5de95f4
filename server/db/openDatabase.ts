// Opens (creating and migrating if needed) the library database. Only a FedStudio library is ever changed: any other
// file is refused untouched. A damaged library is moved aside, reported and replaced by a fresh database, so the
// studio keeps working; the old file stays on disk for recovery. Every other failure is a LibraryUnavailableError
// naming the file, the problem and the fix.
import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import Database, { type Database as Db } from 'better-sqlite3';
import { LibraryUnavailableError, unavailable } from './errors';
import { APPLICATION_ID, migrate } from './migrations';

export interface OpenOptions {
  /** Told, in one sentence, that a damaged library was moved aside and a new one started (default console.error). */
  onMovedAside?: (message: string) => void;
  now?: () => Date;
}

class CorruptDatabaseError extends Error {}

const isCorruption = (error: unknown): boolean => {
  if (error instanceof CorruptDatabaseError) return true;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'));
};

// The first 100 bytes of every SQLite file: the magic string, then fields such as application_id at offset 68.
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_BYTES = 100;
const APPLICATION_ID_OFFSET = 68;

function readHeader(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const header = Buffer.alloc(HEADER_BYTES);
    return header.subarray(0, readSync(fd, header, 0, HEADER_BYTES, 0));
  } finally {
    closeSync(fd);
  }
}

const LEFT_ALONE = 'FedStudio left it untouched';

/** Why `file` must not be used as the library, or null when it is a FedStudio library, empty or absent. */
function foreignFile(file: string): string | null {
  if (!existsSync(file)) return null;
  if (statSync(file).isDirectory()) return 'it is a folder, not a file';
  const header = readHeader(file);
  if (header.length === 0) return null;
  if (header.length < HEADER_BYTES || !header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
    return `it is not a FedStudio library (not an SQLite database), so ${LEFT_ALONE}`;
  }
  // Read from the file itself: a damaged library may be past what SQLite opens, and must still be recognised.
  if (header.readInt32BE(APPLICATION_ID_OFFSET) === APPLICATION_ID) return null;
  // Not marked (yet): a library from before schema 2, or one whose mark is still in the WAL file. Look inside,
  // read-only so that another program's database is not even checkpointed.
  let db: Db | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    if (db.pragma('application_id', { simple: true }) === APPLICATION_ID) return null;
    const tables = db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    if (tables.length === 0 || (tables.includes('experiments') && tables.includes('runs'))) return null;
    return `it is another program's SQLite database, not a FedStudio library, so ${LEFT_ALONE}`;
  } catch (error) {
    return `it is an SQLite database that cannot be read (${(error as Error).message}) and is not marked as a FedStudio library, so ${LEFT_ALONE}`;
  } finally {
    db?.close();
  }
}

/** mkdir -p, without fs's recursive mode: that loops forever where mkdir fails with ENOENT in an existing folder (/proc). */
function createFolder(dir: string): void {
  if (existsSync(dir)) return;
  createFolder(path.dirname(dir));
  try {
    mkdirSync(dir);
  } catch (error) {
    // Another process (a second server, a test worker) made it first.
    if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
  }
}

function openAndMigrate(file: string): Db {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // Concurrent writers (another server process, the CLI) wait instead of failing with SQLITE_BUSY.
    db.pragma('busy_timeout = 5000');
    const problems = (db.pragma('quick_check') as { quick_check: string }[]).map((row) => row.quick_check);
    if (problems[0] !== 'ok') {
      const more = problems.length > 1 ? ` and ${problems.length - 1} more problem(s)` : '';
      throw new CorruptDatabaseError(`integrity check failed: ${problems[0].split('\n')[0]}${more}`);
    }
    // Also proves the file is writable: every migration step is a write transaction.
    migrate(db, file);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Renames `file` and any WAL/shared-memory files SQLite left to `<file>.corrupt-<timestamp>[-wal|-shm]`. */
function moveAside(file: string, now: Date): string {
  const aside = `${file}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
  }
  return aside;
}

/** What a failed open means for the user, by error code (SQLite's extended codes by their primary code). */
const PROBLEMS: Record<string, string> = {
  ENOENT: 'its folder cannot be created',
  ENOTDIR: 'part of its path is a file, not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  SQLITE_CANTOPEN: 'it cannot be opened or created there',
  SQLITE_READONLY: 'it is read-only',
  SQLITE_PERM: 'permission denied',
  SQLITE_FULL: 'the disk is full',
  SQLITE_IOERR: 'the disk reported an error',
  SQLITE_BUSY: 'another process keeps it locked',
};

function problemOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  const problem = typeof code === 'string' ? PROBLEMS[code.split('_', 2).join('_')] : undefined;
  return problem ? `${problem} (${error.message})` : error.message;
}

/** The library at `file`, created with its folder and migrated as needed. Throws LibraryUnavailableError. */
export function openDatabase(
  file: string,
  { onMovedAside = (message) => console.error(`fedstudio: ${message}`), now = () => new Date() }: OpenOptions = {},
): Db {
  try {
    const folder = path.dirname(file);
    createFolder(folder);
    if (!statSync(folder).isDirectory()) throw unavailable(file, `part of its path is a file, not a folder (${folder})`);
    const problem = foreignFile(file);
    if (problem) throw unavailable(file, problem);
    try {
      return openAndMigrate(file);
    } catch (error) {
      if (!isCorruption(error)) throw error;
      const aside = moveAside(file, now());
      onMovedAside(
        `the library database ${file} was damaged (${(error as Error).message}); ` +
          `it was moved to ${aside} and a new empty library was started`,
      );
      return openAndMigrate(file);
    }
  } catch (error) {
    if (error instanceof LibraryUnavailableError) throw error;
    throw unavailable(file, problemOf(error), error);
  }
}
