// Builds the studio (`next build`) only when its sources changed since the last build: a fingerprint of every source
// file's path, size and modification time is kept next to the build. Used by `npm start` and the studio benchmark.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, type Stats } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** What `next build` reads (public/ is served as it is, not built). */
const SOURCES = ['app', 'core', 'workers', 'server', 'shared', 'next.config.js', 'tsconfig.json', 'package-lock.json'];
const STAMP = path.join(root, '.next', 'fedstudio-sources');
export const nextEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

function* files(entry: string): Generator<[string, Stats]> {
  const stat = statSync(entry);
  if (!stat.isDirectory()) yield [entry, stat];
  else for (const name of readdirSync(entry).sort()) yield* files(path.join(entry, name));
}

function fingerprint(): string {
  const hash = createHash('sha256');
  for (const source of SOURCES) {
    for (const [file, stat] of files(path.join(root, source))) hash.update(`${path.relative(root, file)} ${stat.size} ${stat.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

/** Runs `next build` unless the last build was made from these very sources; throws if the build fails. */
export function buildIfStale(): void {
  const sources = fingerprint();
  if (existsSync(path.join(root, '.next', 'BUILD_ID')) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === sources) {
    console.log('fedstudio: the build is up to date with the sources');
    return;
  }
  const { status } = spawnSync('npx', ['next', 'build'], { cwd: root, env: nextEnv, stdio: 'inherit' });
  if (status !== 0) throw new Error(`next build failed (exit code ${status})`);
  writeFileSync(STAMP, sources);
}
