// Opens (creating and migrating if needed) the library database. A corrupt file is moved aside, reported and
// replaced by a fresh database, so the studio keeps working; the old file stays on disk for recovery.
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import Database, { type Database as Db } from 'better-sqlite3';
import { migrate } from './migrations';

export interface OpenOptions {
  /** Where the "moved a corrupt database aside" message goes (default console.error). */
  log?: (message: string) => void;
  now?: () => Date;
}

class CorruptDatabaseError extends Error {}

const isCorruption = (error: unknown): boolean => {
  if (error instanceof CorruptDatabaseError) return true;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'));
};

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

export function openDatabase(file: string, { log = console.error, now = () => new Date() }: OpenOptions = {}): Db {
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    return openAndMigrate(file);
  } catch (error) {
    if (!isCorruption(error)) throw error;
    const aside = moveAside(file, now());
    log(
      `fedstudio: the library database ${file} is corrupt (${(error as Error).message}); ` +
        `moved it to ${aside} and started a new empty library`,
    );
    return openAndMigrate(file);
  }
}
