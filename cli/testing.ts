// For the CLI's integration tests: the real `fedstudio` command (cli/bin.mjs), spawned as a user would run it.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect } from 'vitest';

export const root = path.resolve(import.meta.dirname, '..');
export const BIN = path.join(root, 'cli/bin.mjs');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `fedstudio …args` from the project root and waits for it. */
export function cli(...args: string[]): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: root, encoding: 'utf8', timeout: 300_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Refused before any work: exit 2, exactly one line on stderr, nothing on stdout (no round was run). */
export function expectRefused(result: CliResult, line: string): void {
  expect(result.stderr).toBe(`fedstudio: ${line}\n`);
  expect(result.stdout).toBe('');
  expect(result.code).toBe(2);
}
