import { readFile } from 'node:fs/promises';
import { migrateConfig } from '../core/config/migrations';
import { ConfigError, parseConfig, type ExperimentConfig } from '../core/config/schema';
import { loadData } from '../core/data/load';
import type { DataSplit } from '../core/data/types';
import { partitionData } from '../core/partition/partition';
import type { PartitionStats } from '../core/partition/types';
import { nodeAssetLoader } from '../workers/assets-node';
import { applySet } from './configPath';
import { CliError } from './errors';

export interface ConfigOverrides {
  /** `path=value` assignments, applied in order. */
  set: string[];
  rounds?: number;
  seed?: number;
}

async function readJson(file: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`config file not found: ${file}`);
    if (code === 'EISDIR') throw new CliError(`${file} is a directory, expected a JSON config file`);
    throw new CliError(`cannot read ${file}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${file} is not valid JSON (${(error as Error).message})`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new CliError(`${file} must contain a JSON object (the experiment config)`);
  }
  return json as Record<string, unknown>;
}

/** A checked experiment: its config, its data and how the data is partitioned. */
export interface LoadedExperiment {
  config: ExperimentConfig;
  data: DataSplit;
  partition: PartitionStats;
}

/** Loads a valid config's data and partitions it: the one check that needs the labels (may throw a ConfigError). */
export async function loadExperiment(config: ExperimentConfig): Promise<LoadedExperiment> {
  return partitioned(config, await loadData(config, nodeAssetLoader));
}

/** Partitions `data` (already loaded for the config's seed and data section) as `config` says. */
export function partitioned(config: ExperimentConfig, data: DataSplit): LoadedExperiment {
  const { stats } = partitionData(config, data.train.y, data.train.numClasses);
  return { config, data, partition: stats };
}

/**
 * Reads a config file, applies --set / --rounds / --seed, validates and fills defaults, and checks that the data can
 * be partitioned as configured (the one check that needs the labels), all before any worker starts.
 */
export async function loadConfigFile(file: string, overrides: ConfigOverrides): Promise<LoadedExperiment> {
  try {
    // An older file is brought to the current config version before the overrides, whose paths are current ones
    // (parseConfig's own migration then has nothing left to do).
    const raw = migrateConfig(await readJson(file)) as Record<string, unknown>;
    for (const assignment of overrides.set) applySet(raw, assignment);
    if (overrides.rounds !== undefined) raw.rounds = overrides.rounds;
    if (overrides.seed !== undefined) raw.seed = overrides.seed;
    return await loadExperiment(parseConfig(raw));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const issues = error.issues.map((i) => `${i.path || '(config)'}: ${i.message}`).join('; ');
    throw new CliError(`invalid config in ${file}: ${issues}`);
  }
}
