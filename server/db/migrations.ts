// Schema migrations, versioned in code and recorded in `PRAGMA user_version`. Append only: never edit a shipped one.
import type { Database } from 'better-sqlite3';
import { LibraryUnavailableError } from './errors';

/** PRAGMA application_id of a FedStudio library ("FeSt"): how openDatabase tells it from anyone else's file. */
export const APPLICATION_ID = 0x46655374;

export interface Migration {
  version: number;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE experiments (
        id TEXT PRIMARY KEY,          -- SHA-256 of the canonical config without its name
        name TEXT NOT NULL,           -- config.name when first saved
        config TEXT NOT NULL,         -- canonical JSON of the parsed config
        dataset TEXT NOT NULL,
        partition TEXT NOT NULL,
        strategy TEXT NOT NULL,
        aggregator TEXT NOT NULL,
        attack TEXT NOT NULL,
        dp TEXT NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE runs (
        id TEXT PRIMARY KEY,
        experiment_id TEXT NOT NULL REFERENCES experiments(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        notes TEXT NOT NULL,
        config_name TEXT NOT NULL,    -- the run's config.name (not part of the content address)
        backend TEXT NOT NULL,
        simd INTEGER NOT NULL,
        workers INTEGER NOT NULL,
        runtime TEXT NOT NULL,
        duration_ms REAL NOT NULL,
        rounds_completed INTEGER NOT NULL,
        final_accuracy REAL,
        final_loss REAL,
        rounds TEXT NOT NULL,         -- JSON of RoundMetrics[] (NaN stored as null)
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX runs_by_experiment ON runs(experiment_id, created_at);
      CREATE INDEX runs_by_date ON runs(created_at);
      CREATE INDEX experiments_by_date ON experiments(created_at);
    `,
  },
  {
    version: 2,
    sql: `PRAGMA application_id = ${APPLICATION_ID};`,
  },
  {
    // Variants: the runs of one experiment group (2–4 configs run side by side) share a group id; all null otherwise.
    version: 3,
    sql: `
      ALTER TABLE runs ADD COLUMN group_id TEXT;
      ALTER TABLE runs ADD COLUMN group_index INTEGER;
      ALTER TABLE runs ADD COLUMN group_label TEXT;
      CREATE INDEX runs_by_group ON runs(group_id, group_index);
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** Brings the database to SCHEMA_VERSION; safe when several processes start at once (IMMEDIATE transactions). */
export function migrate(db: Database, file: string): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > SCHEMA_VERSION) {
    throw new LibraryUnavailableError(
      `the library database ${file} has schema version ${from}, newer than this FedStudio understands (${SCHEMA_VERSION}): ` +
        `update FedStudio, or set FEDSTUDIO_DB to another file`,
    );
  }
  for (const migration of MIGRATIONS) {
    db.transaction(() => {
      const current = db.pragma('user_version', { simple: true }) as number;
      if (current >= migration.version) return;
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
  return { from, to: SCHEMA_VERSION };
}
