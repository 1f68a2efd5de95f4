// Runs the `fedstudio` CLI from a test, on a config the studio made: its numbers must equal the studio's.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { ExperimentConfig } from '../core/config/schema';
import type { VariantSpec } from '../core/config/variants';

/** `fedstudio run` of `config` (and its variants, side by side) with `args`; the metrics JSON of each, base first. */
export async function fedstudioRun<M>(config: ExperimentConfig, variants: readonly VariantSpec[] = [], args: string[] = []): Promise<M[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'fedstudio-e2e-'));
  const configFile = path.join(dir, 'config.json');
  const outFile = path.join(dir, 'metrics.json');
  writeFileSync(configFile, JSON.stringify(config));
  const variantArgs = variants.flatMap((v) => [
    '--variant',
    Object.entries(v.set)
      .map(([p, value]) => `${p}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
      .join(','),
  ]);
  await promisify(execFile)(
    process.execPath,
    ['cli/bin.mjs', 'run', configFile, ...variantArgs, ...args, '--out', outFile, '--quiet'],
    { cwd: fileURLToPath(new URL('..', import.meta.url)), timeout: 480_000 },
  );
  const out = JSON.parse(readFileSync(outFile, 'utf8')) as M | { variants: M[] };
  return variants.length > 0 ? (out as { variants: M[] }).variants : [out as M];
}
