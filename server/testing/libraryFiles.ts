// Test helper: library files as older FedStudio versions left them, and damaged ones.
import { closeSync, openSync, writeSync } from 'node:fs';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../db/migrations';

/** A library at `file` migrated up to `schemaVersion` only (1: from before application_id), with filler experiments. */
export function writeLibrary(file: string, schemaVersion: number, experiments = 2000): void {
  const db = new Database(file);
  for (const migration of MIGRATIONS.filter((m) => m.version <= schemaVersion)) {
    db.exec(migration.sql);
    db.pragma(`user_version = ${migration.version}`);
  }
  const insert = db.prepare(`INSERT INTO experiments VALUES (?, ?, '{}', 'moons', 'iid', 'fedavg', 'mean', 'none', 'none', 0)`);
  db.transaction(() => {
    for (let i = 0; i < experiments; i++) insert.run(`exp-${i}`, `experiment ${i} ${'x'.repeat(50)}`);
  })();
  db.close();
}

/** Overwrites pages 2–5 (the tables' b-trees) with junk; page 1 (the header and the schema) stays readable. */
export function damagePages(file: string): void {
  const pageSize = 4096;
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(pageSize * 4, 0xa5), 0, pageSize * 4, pageSize);
  closeSync(fd);
}
