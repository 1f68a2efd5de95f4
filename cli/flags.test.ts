import { describe, expect, it } from 'vitest';
import { parsePartitionFlags, parsePrivacyFlags, parseRunFlags } from './flags';

describe('command-line flags', () => {
  it('parses run flags into typed values', () => {
    expect(
      parseRunFlags(['c.json', '--rounds', '3', '--seed=9', '--workers', '2', '--set', 'a=1', '--set', 'b=2', '--out', 'm.json', '-q']),
    ).toEqual({ file: 'c.json', rounds: 3, seed: 9, workers: 2, set: ['a=1', 'b=2'], variant: [], out: 'm.json', quiet: true, help: false });
    expect(parseRunFlags([])).toEqual({ file: undefined, set: [], variant: [], quiet: false, help: false });
    expect(parseRunFlags(['c.json', '--variant', 'aggregator.name=median', '--variant', 'train.lr=0.1,train.batchSize=8']).variant).toEqual([
      'aggregator.name=median',
      'train.lr=0.1,train.batchSize=8',
    ]);
  });

  it('rejects unknown flags and flags of another command', () => {
    expect(() => parseRunFlags(['c.json', '--bogus'])).toThrow('run: unknown option --bogus (see fedstudio run --help)');
    expect(() => parsePartitionFlags(['c.json', '--rounds', '3'])).toThrow('partition: unknown option --rounds');
  });

  it('names the flag and the bad value', () => {
    expect(() => parseRunFlags(['--rounds', '2.5'])).toThrow('--rounds: must be an integer (got 2.5)');
    expect(() => parseRunFlags(['--rounds', '0'])).toThrow('--rounds: must be an integer from 1 to 1000 (got 0)');
    expect(() => parseRunFlags(['--workers', '65'])).toThrow('--workers: must be an integer from 1 to 64 (got 65)');
    expect(() => parseRunFlags(['--seed=-1'])).toThrow('--seed: must be an integer from 0 to 2147483647 (got -1)');
    expect(() => parseRunFlags(['--out'])).toThrow('option --out needs a value');
    expect(() => parseRunFlags(['--quiet=yes'])).toThrow('option -q, --quiet takes no value');
    expect(() => parseRunFlags(['a.json', 'b.json'])).toThrow('expected one config file, got 2: a.json b.json');
  });

  it('states the real range for a huge integer, not the safe-integer limit', () => {
    expect(() => parseRunFlags(['--seed', '99999999999999999999'])).toThrow(
      '--seed: must be an integer from 0 to 2147483647 (got 99999999999999999999)',
    );
    expect(() => parseRunFlags(['--seed', '2147483648'])).toThrow('--seed: must be an integer from 0 to 2147483647 (got 2147483648)');
    expect(() => parseRunFlags(['--rounds', '9007199254740993'])).toThrow('--rounds: must be an integer from 1 to 1000 (got 9007199254740993)');
    expect(() => parsePrivacyFlags(['--q', '0.1', '--sigma', '1', '--steps', '99999999999999999999'])).toThrow(
      '--steps: must be an integer ≥ 0 (got 99999999999999999999)',
    );
  });
});
