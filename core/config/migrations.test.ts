import { describe, expect, it } from 'vitest';
import { CONFIG_MIGRATIONS, migrateConfig, type ConfigMigration } from './migrations';
import { CONFIG_VERSION, ConfigError, defaultConfig, parseConfig } from './schema';

// A made-up history: v1 → v2 renames train.lr to train.learningRate, v2 → v3 turns rounds into epochs-of-10.
const FAKE: ConfigMigration[] = [
  {
    from: 2,
    up: (c) => ({ ...c, rounds: typeof c.rounds === 'number' ? c.rounds * 10 : c.rounds }),
  },
  {
    from: 1,
    up: (c) => {
      const { lr, ...train } = (c.train ?? {}) as Record<string, unknown>;
      return { ...c, train: lr === undefined ? train : { ...train, learningRate: lr } };
    },
  },
];

/** The ConfigError migrateConfig throws for `input`. */
function refusal(input: unknown, migrations: ConfigMigration[], current: number): ConfigError {
  try {
    migrateConfig(input, migrations, current);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('migrateConfig', () => {
  it('brings a v1 config to v3 through both steps, in version order (whatever the list order)', () => {
    const v1 = { version: 1, name: 'old', rounds: 3, train: { lr: 0.1, batchSize: 8 } };
    expect(migrateConfig(v1, FAKE, 3)).toEqual({ version: 3, name: 'old', rounds: 30, train: { learningRate: 0.1, batchSize: 8 } });
    // The input is left as it was.
    expect(v1).toEqual({ version: 1, name: 'old', rounds: 3, train: { lr: 0.1, batchSize: 8 } });
  });

  it('starts from the version the config states', () => {
    expect(migrateConfig({ version: 2, rounds: 4, train: { lr: 0.1 } }, FAKE, 3)).toEqual({ version: 3, rounds: 40, train: { lr: 0.1 } });
  });

  it('leaves a config of the current version as it is', () => {
    const v3 = { version: 3, rounds: 5, train: { learningRate: 0.2 } };
    expect(migrateConfig(v3, FAKE, 3)).toBe(v3);
  });

  it('reads a config without a version as version 1', () => {
    expect(migrateConfig({ rounds: 2, train: { lr: 0.3 } }, FAKE, 3)).toEqual({ version: 3, rounds: 20, train: { learningRate: 0.3 } });
  });

  it('refuses a config of a newer version, at path "version", saying so', () => {
    const error = refusal({ version: 99, rounds: 2 }, FAKE, 3);
    expect(error.issues).toEqual([{ path: 'version', message: expect.stringContaining('made by a newer FedStudio') as string }]);
    expect(error.message).toContain('made by a newer FedStudio (config version 99; this one reads up to 3)');
  });

  it('refuses a version no step leads on from', () => {
    const gap = FAKE.filter((m) => m.from !== 2);
    const error = refusal({ version: 1, rounds: 2 }, gap, 3);
    expect(error.issues).toEqual([{ path: 'version', message: expect.stringContaining('config version 2') as string }]);
    expect(error.message).toContain('no migration leads on from (this FedStudio reads up to 3)');
    // A config past the gap still migrates.
    expect(migrateConfig({ version: 3 }, gap, 3)).toEqual({ version: 3 });
  });

  it('leaves non-objects and versions that are not versions for the schema to report', () => {
    for (const input of [null, 3, 'text', [1, 2], undefined]) expect(migrateConfig(input, FAKE, 3)).toBe(input);
    for (const version of ['2', 0, -1, 1.5, null]) {
      const input = { version, rounds: 2 };
      expect(migrateConfig(input, FAKE, 3)).toBe(input);
    }
  });

  it('with the real (empty) list, leaves a v1 config unchanged', () => {
    expect(CONFIG_VERSION).toBe(1);
    expect(CONFIG_MIGRATIONS).toEqual([]);
    const full = defaultConfig();
    expect(migrateConfig(full)).toBe(full);
    const sparse = { rounds: 3, partition: { alpha: 0.1 } };
    expect(migrateConfig(sparse)).toBe(sparse);
    expect(sparse).toEqual({ rounds: 3, partition: { alpha: 0.1 } });
  });

  it('runs before parseConfig validates: a newer config is refused by version, not field by field', () => {
    expect(() => parseConfig({ version: 2, someNewField: true })).toThrow(ConfigError);
    expect(() => parseConfig({ version: 2, someNewField: true })).toThrow(
      /^version: made by a newer FedStudio \(config version 2; this one reads up to 1\)/,
    );
    expect(parseConfig({ version: 1, rounds: 3 })).toEqual(parseConfig({ rounds: 3 }));
  });
});
