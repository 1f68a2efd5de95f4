// The --out and --csv files: checked before training, so a bad path costs no run; written one by one after it, so a
// file that cannot be written loses neither the other file nor the metrics.
import { closeSync, mkdirSync, openSync, statSync, unlinkSync, type Stats } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CliError } from './errors';

export type OutputFlag = 'out' | 'csv';

export interface Output {
  flag: OutputFlag;
  file: string;
}

const EXAMPLE: Record<OutputFlag, string> = { out: 'metrics.json', csv: 'metrics.csv' };
const WHAT: Record<OutputFlag, string> = { out: 'the metrics JSON', csv: 'the CSV' };

function statOrNull(file: string): Stats | null {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

/** "permission denied" from "EACCES: permission denied, open '…'". */
function reason(error: unknown): string {
  const { message } = error as Error;
  return /^[A-Z]+: ([^,]+)/.exec(message)?.[1] ?? message;
}

/**
 * Refuses, before training, an output that could not be written — a folder, a path under a regular file, the config
 * file itself, the other output's file, a place where files cannot be created or opened for writing — and creates
 * missing folders as `mkdir -p` would. Leaves existing files untouched.
 */
export function prepareOutputs(outputs: readonly Output[], configFile: string): void {
  const taken = new Map([[path.resolve(configFile), 'the config file (the metrics would overwrite it)']]);
  for (const { flag, file } of outputs) {
    const clash = taken.get(path.resolve(file));
    if (clash) throw new CliError(`--${flag}: ${file} is ${clash} — give another file name`);
    taken.set(path.resolve(file), `already the --${flag} file`);
    if (statOrNull(file)?.isDirectory()) {
      throw new CliError(`--${flag}: ${file} is a folder — name a file in it, e.g. --${flag} ${path.join(file, EXAMPLE[flag])}`);
    }
  }
  for (const output of outputs) {
    createFolders(output);
    probe(output);
  }
}

/** mkdir -p one level at a time: a recursive mkdirSync never returns for a path under /proc (Node 20). */
function createFolders({ flag, file }: Output): void {
  const missing: string[] = [];
  let folder = path.dirname(path.resolve(file));
  let stat: Stats | null;
  while (!(stat = statOrNull(folder))) {
    missing.unshift(folder);
    folder = path.dirname(folder);
  }
  if (!stat.isDirectory()) {
    throw new CliError(`--${flag}: cannot write ${file}: ${folder} is a file, not a folder — choose another path`);
  }
  for (const dir of missing) {
    try {
      mkdirSync(dir);
    } catch (error) {
      throw new CliError(`--${flag}: cannot create the folder ${dir} (${creationReason(error)}) — choose another path`);
    }
  }
}

/** Opens the file as the final write will, but without truncating it; a file created only for the check is removed. */
function probe({ flag, file }: Output): void {
  const exists = statOrNull(file) !== null;
  try {
    closeSync(openSync(file, exists ? 'a' : 'wx'));
    if (!exists) unlinkSync(file);
  } catch (error) {
    throw new CliError(`--${flag}: cannot write ${file} (${creationReason(error)}) — choose a writable path, e.g. --${flag} runs/${EXAMPLE[flag]}`);
  }
}

/** The folder is known to exist here, so ENOENT means the file system refuses new entries (/proc does). */
function creationReason(error: unknown): string {
  return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'nothing can be created there' : reason(error);
}

/**
 * Writes each output on its own. One that cannot be written (a full disk, a folder removed meanwhile) is kept in a
 * temp folder, and the user is told where. Returns where each output ended up and whether any missed its target.
 */
export async function writeOutputs(
  outputs: readonly (Output & { content: string })[],
): Promise<{ failed: boolean; written: Partial<Record<OutputFlag, string>> }> {
  const written: Partial<Record<OutputFlag, string>> = {};
  let failed = false;
  for (const { flag, file, content } of outputs) {
    try {
      await writeFile(file, content);
      written[flag] = file;
    } catch (error) {
      failed = true;
      const kept = await keepInTemp(file, content);
      if (typeof kept === 'string') written[flag] = kept;
      const where = typeof kept === 'string' ? `${WHAT[flag]} is kept in ${kept} instead` : `keeping it in a temp file failed too (${reason(kept.error)})`;
      process.stderr.write(`fedstudio: could not write --${flag} ${file} (${reason(error)}); ${where}\n`);
    }
  }
  return { failed, written };
}

async function keepInTemp(file: string, content: string): Promise<string | { error: unknown }> {
  try {
    const kept = path.join(await mkdtemp(path.join(tmpdir(), 'fedstudio-')), path.basename(file));
    await writeFile(kept, content);
    return kept;
  } catch (error) {
    return { error };
  }
}
