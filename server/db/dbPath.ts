import path from 'node:path';

/** Environment variable naming the library's SQLite file. */
export const DB_ENV = 'FEDSTUDIO_DB';
export const DEFAULT_DB_PATH = 'data/fedstudio.db';

/** The database file: `$FEDSTUDIO_DB`, else `data/fedstudio.db`, relative paths taken from the working directory. */
export function resolveDbPath(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): string {
  const configured = env[DB_ENV]?.trim();
  return path.resolve(cwd, configured ? configured : DEFAULT_DB_PATH);
}
