// Old share links keep opening the experiment they were made for. fixtures/preset-urls.json was captured from the
// encoder and decoder of config version 1, before the schema was re-assembled from plugin descriptors (issue 13):
// never regenerate it. If a test here fails, a field's default, name or shape changed under existing links: keep the
// old meaning, or bump CONFIG_VERSION with a migration (core/config/migrations.ts) that maps these configs onto it.
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ExperimentConfig } from '../../core/config/schema';
import fixture from './fixtures/preset-urls.json';
import { setAt } from './configPath';
import { PRESETS } from './presets';
import { decodeConfigHash, encodeConfigHash, LINK_ISSUE } from './urlState';

interface Link {
  id: string;
  hash: string;
  config: ExperimentConfig;
  note?: string;
}
const presets = fixture.presets as Link[];

/**
 * Presets changed on purpose since their links were captured (dotted path → the preset's value now). Their old links
 * still open the old experiment (tested below); the preset itself is its link's config with exactly these changes, so
 * a changed default still shows.
 */
const CHANGED_PRESETS: Record<string, Record<string, unknown>> = {
  // Issue 14, bug 8: ALIE in a regime where it visibly hurts the defence it targets.
  'attack-alie': {
    name: 'MNIST · trimmed mean under ALIE (40% omniscient attackers, z = 3)',
    'partition.numClients': 50,
    'aggregator.name': 'trimmed-mean',
    'aggregator.f': 2,
    'attack.fraction': 0.4,
    'attack.alieZ': 3,
  },
};

function presetNow(link: Link): unknown {
  let config: unknown = link.config;
  for (const [path, value] of Object.entries(CHANGED_PRESETS[link.id] ?? {})) config = setAt(config, path, value);
  return config;
}
const handMade = fixture.handMade as Link[];

/** As JSON holds it: what a link or the library can carry (undefined members dropped). */
const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

function hashOf(value: unknown): string {
  return `#v1.${Buffer.from(deflateSync(strToU8(JSON.stringify(value)))).toString('base64url')}`;
}

describe('share links of config version 1', () => {
  it('covers every preset of that version', () => {
    expect(fixture.configVersion).toBe(1);
    expect(presets.map((p) => p.id).sort()).toEqual(
      ['attack-alie', 'attack-backdoor', 'attack-signflip', 'dp-fedavg', 'mnist-dirichlet', 'mnist-iid', 'moons-drift', 'secagg'],
    );
  });

  it.each(presets.map((p) => [p.id, p] as const))('preset %s: its link decodes to exactly the config it had', (_id, link) => {
    for (const hash of [`#${link.hash}`, link.hash]) {
      const decoded = decodeConfigHash(hash);
      expect(decoded.issues).toEqual([]);
      expect(json(decoded.config)).toEqual(link.config);
    }
  });

  it.each(handMade.map((h) => [h.id, h] as const))('hand-made link %s decodes to exactly the config it had', (_id, link) => {
    const decoded = decodeConfigHash(link.hash);
    expect(decoded.issues).toEqual([]);
    expect(json(decoded.config)).toEqual(link.config);
  });

  it('the presets still parse to the configs their links were made from', () => {
    // The example files are also what `fedstudio run examples/….json` reads: a changed default shows here too.
    for (const link of presets) {
      expect(json(PRESETS.find((p) => p.id === link.id)?.config), link.id).toEqual(presetNow(link));
    }
  });

  it("today's encoder still writes links that decode to these configs", () => {
    for (const link of [...presets, ...handMade]) {
      const decoded = decodeConfigHash(`#${encodeConfigHash(link.config)}`);
      expect(decoded.issues, link.id).toEqual([]);
      expect(json(decoded.config), link.id).toEqual(link.config);
    }
  });

  it('migrates a link before reading it, and keeps the open experiment for one made by a newer FedStudio', () => {
    const current = presets[0].config;
    const decoded = decodeConfigHash(hashOf({ version: 99, rounds: 3 }), current);
    expect(decoded.config).toBe(current);
    expect(decoded.issues).toEqual([
      {
        path: LINK_ISSUE,
        message: expect.stringMatching(
          /^the link was made by a newer FedStudio \(config version 99; this one reads up to 1\).*: kept the current experiment$/,
        ) as string,
      },
    ]);
  });
});
