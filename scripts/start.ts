// `npm start`: serves the studio at http://127.0.0.1:3000, building it first only when its sources changed.
import { spawnSync } from 'node:child_process';
import { buildIfStale, nextEnv, root } from './build';

try {
  buildIfStale();
} catch (error) {
  console.error(`fedstudio: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const { status } = spawnSync('npx', ['next', 'start', '-H', '127.0.0.1', '-p', '3000'], { cwd: root, env: nextEnv, stdio: 'inherit' });
process.exit(status ?? 1);
