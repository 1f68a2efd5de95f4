// Config migrations: each step brings a config written for one CONFIG_VERSION to the next, so a link, a config file or
// a library entry made by an older FedStudio still opens after the schema changes. parseConfig applies them before
// validating, so the URL decoder, the CLI and the library import all migrate the same way.
import { CONFIG_VERSION, ConfigError } from './schema';

export interface ConfigMigration {
  /** The version this step reads; it returns the config for version `from + 1`. */
  from: number;
  /**
   * The config of version `from` (a deep copy: the step may change it) → the same experiment for `from + 1`.
   * migrateConfig sets `version` afterwards, so a step need not. It sees the config as written (fields left out
   * mean "the default of version `from`"), not validated: check a field's type before using it.
   */
  up(config: Record<string, unknown>): Record<string, unknown>;
}

/**
 * Every step since version 1, oldest first. Empty: CONFIG_VERSION is still 1.
 *
 * A new field needs no migration when it is optional and unset means what FedStudio did before it existed: a field
 * with a default would be written into every parsed config, changing every library address (a hash of the config)
 * and the configs old links decode to (the compatibility fixtures' tests fail).
 *
 * To change what a field means, or to rename, move or drop one:
 *   1. bump CONFIG_VERSION in schema.ts (its `version` field accepts only the current one);
 *   2. append `{ from: <the old version>, up: (c) => ({ ...c, … }) }` here, never editing a shipped step, and write
 *      out the old defaults a step relies on: a field left out of an old config had the old default;
 *   3. write `"version": <new>` into the configs FedStudio ships (examples/) and make sure every writer records the
 *      version: a config without one is read as version 1 (below), and the share-URL encoder (app/lib/urlState.ts)
 *      leaves out every field equal to its default, `version` included, so today's links carry none;
 *   4. add a fixture of the old form (app/lib/fixtures, server/library/fixtures) and check that it still loads.
 */
export const CONFIG_MIGRATIONS: readonly ConfigMigration[] = [];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function deepCopy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(deepCopy) as T;
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deepCopy(v)])) as T;
  return value;
}

/**
 * `input` brought to config version `current` by `migrations`, not yet validated (parseConfig does that). Anything
 * that is not an object, or whose `version` is not a positive whole number, is returned as it is: the schema names
 * the problem. A config already at `current` is returned unchanged (the same object). Throws a ConfigError at
 * `version` for a config newer than `current`, or when no step leads on from one of the versions on the way (both
 * messages start with "made", so that callers can say "the link was …").
 */
export function migrateConfig(
  input: unknown,
  migrations: readonly ConfigMigration[] = CONFIG_MIGRATIONS,
  current: number = CONFIG_VERSION,
): unknown {
  if (!isObject(input)) return input;
  // No version means 1: every config written so far is version 1, and version 1 never required the field (preset
  // files and hand-written configs leave it out, and share links omit it as it equals the default).
  const version = input.version === undefined ? 1 : input.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return input;
  if (version > current) {
    throw new ConfigError([
      {
        path: 'version',
        message: `made by a newer FedStudio (config version ${version}; this one reads up to ${current}); update FedStudio to open it`,
      },
    ]);
  }
  if (version === current) return input;
  let config = deepCopy(input);
  for (let at = version; at < current; at++) {
    const step = migrations.find((m) => m.from === at);
    if (!step) {
      throw new ConfigError([
        {
          path: 'version',
          message: `made for config version ${at}, which no migration leads on from (this FedStudio reads up to ${current})`,
        },
      ]);
    }
    config = { ...step.up(config), version: at + 1 };
  }
  return config;
}
