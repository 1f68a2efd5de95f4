// Settings that cannot work are refused before training: exit 2 with one line naming the rule and the fix, and
// nothing on stdout (the round table starts only once the workers are up).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { cli, expectRefused } from './testing';

const tmp = mkdtempSync(path.join(tmpdir(), 'fedstudio-preflight-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('fedstudio run refuses settings that cannot work, before training', () => {
  it('Bulyan on examples/mnist-iid.json (6 of 20 clients per round, f = 2 needs 11)', () => {
    expectRefused(
      cli('run', 'examples/mnist-iid.json', '--set', 'aggregator.name=bulyan'),
      'invalid config in examples/mnist-iid.json: aggregator.name: Bulyan needs at least 4f + 3 = 11 updates per ' +
        'round (f = 2), but this experiment samples 6 of 20 clients — raise sampling.fraction to ≥ 0.55 or lower ' +
        'aggregator.f to ≤ 0 (got "bulyan")',
    );
  });

  it('Bulyan on the default experiment {} (10 of 20 clients per round)', () => {
    const file = path.join(tmp, 'default.json');
    writeFileSync(file, '{}');
    expectRefused(
      cli('run', file, '--set', 'aggregator.name=bulyan'),
      `invalid config in ${file}: aggregator.name: Bulyan needs at least 4f + 3 = 11 updates per round (f = 2), but ` +
        'this experiment samples 10 of 20 clients — raise sampling.fraction to ≥ 0.55 or lower aggregator.f to ≤ 1 ' +
        '(got "bulyan")',
    );
  });

  it('a partition the data cannot make: 500 clients × 20 shards of 8,000 MNIST training digits', () => {
    const args = ['--set', 'partition.method=shard', '--set', 'partition.numClients=500', '--set', 'partition.shardsPerClient=20'];
    const line =
      'invalid config in examples/mnist-iid.json: partition.shardsPerClient: 500 clients × 20 shards = 10000 shards ' +
      'is more than the 8000 training examples: lower partition.shardsPerClient or partition.numClients';
    expectRefused(cli('run', 'examples/mnist-iid.json', ...args), line);
    expectRefused(cli('partition', 'examples/mnist-iid.json', ...args), line);
  });
});
