import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfigFile } from './configFile';
import { CliError } from './errors';

const tmp = mkdtempSync(path.join(tmpdir(), 'fedstudio-configfile-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function configFile(name: string, config: object): string {
  const file = path.join(tmp, name);
  writeFileSync(file, JSON.stringify(config));
  return file;
}

describe('loadConfigFile: config versions', () => {
  it('refuses a config made by a newer FedStudio by its version, before any field or override', async () => {
    const file = configFile('future.json', { version: 2, data: { dataset: 'moons' }, someNewField: 1 });
    const loading = loadConfigFile(file, { set: ['train.lr=0.1'] });
    await expect(loading).rejects.toThrow(CliError);
    await expect(loadConfigFile(file, { set: [] })).rejects.toThrow(
      `invalid config in ${file}: version: made by a newer FedStudio (config version 2; this one reads up to 1)`,
    );
  });

  it('reads a version 1 file, with or without its version, and applies the overrides', async () => {
    const config = { data: { dataset: 'moons', numSamples: 200 }, partition: { numClients: 4 }, rounds: 2 };
    for (const [name, content] of [['v1.json', { version: 1, ...config }], ['unversioned.json', config]] as const) {
      const loaded = await loadConfigFile(configFile(name, content), { set: ['train.lr=0.1'], seed: 7 });
      expect(loaded.config).toMatchObject({ version: 1, rounds: 2, seed: 7, train: { lr: 0.1 }, data: { dataset: 'moons' } });
    }
  });
});
