// `npm start`: serves the studio at http://127.0.0.1:3000, building it first only when its sources changed since the
// last build (a fingerprint of every source file's path, size and modification time, kept next to the build).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** What `next build` reads (public/ is served as it is, not built). */
const SOURCES = ['app', 'core', 'workers', 'server', 'next.config.js', 'tsconfig.json', 'package-lock.json'];
const STAMP = path.join(root, '.next', 'fedstudio-sources');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

function* files(entry) {
  const stat = statSync(entry);
  if (!stat.isDirectory()) yield [entry, stat];
  else for (const name of readdirSync(entry).sort()) yield* files(path.join(entry, name));
}

function fingerprint() {
  const hash = createHash('sha256');
  for (const source of SOURCES) {
    for (const [file, stat] of files(path.join(root, source))) hash.update(`${path.relative(root, file)} ${stat.size} ${stat.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

function run(args) {
  const { status } = spawnSync('npx', ['next', ...args], { cwd: root, env, stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}

const sources = fingerprint();
const built = existsSync(path.join(root, '.next', 'BUILD_ID')) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === sources;
if (built) console.log('fedstudio: the build is up to date with the sources; starting it');
else {
  run(['build']);
  writeFileSync(STAMP, sources);
}
run(['start', '-H', '127.0.0.1', '-p', '3000']);
