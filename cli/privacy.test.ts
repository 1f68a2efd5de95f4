// `fedstudio privacy`: flag parsing in process, then the real CLI (cli/bin.mjs) spawned as a user would run it.
import { describe, expect, it } from 'vitest';
import { cli, expectRefused } from './testing';
import { parsePrivacyFlags } from './flags';


const reference = ['--q', '0.01', '--sigma', '1', '--steps', '1000'];

describe('privacy flags', () => {
  it('parses numbers, defaults δ to 1e-5 and --json to off', () => {
    expect(parsePrivacyFlags(reference)).toEqual({ help: false, q: 0.01, sigma: 1, steps: 1000, delta: 1e-5, json: false, file: undefined });
    expect(parsePrivacyFlags(['--q=.5', '--sigma', '1.2e1', '--steps', '0', '--delta', '1E-7', '--json'])).toMatchObject({
      q: 0.5,
      sigma: 12,
      steps: 0,
      delta: 1e-7,
      json: true,
    });
  });

  it('--help needs no other flag', () => {
    expect(parsePrivacyFlags(['--help'])).toMatchObject({ help: true });
    expect(parsePrivacyFlags(['-h', '--q', 'x'])).toMatchObject({ help: true });
  });

  it('names the flag, the rule and the value', () => {
    const parse = (...extra: string[]) => () => parsePrivacyFlags([...reference, ...extra]);
    expect(parse('--q', '2')).toThrow('--q: must be ≤ 1 (got 2)');
    expect(parse('--sigma=-1')).toThrow('--sigma: must be ≥ 0 (got -1)');
    expect(parse('--steps', '1.5')).toThrow('--steps: must be an integer (got 1.5)');
    expect(parse('--delta', '0')).toThrow('--delta: must be > 0 (got 0)');
    expect(parse('--delta', '1')).toThrow('--delta: must be < 1 (got 1)');
    expect(parse('--sigma', 'lots')).toThrow('--sigma: must be a number (got lots)');
    expect(parse('--sigma', '1e999')).toThrow('--sigma: must be a finite number (got 1e999)');
    expect(() => parsePrivacyFlags(['--q', '0.1', '--sigma', '1'])).toThrow('privacy: missing --steps (see fedstudio privacy --help)');
    expect(parse('config.json')).toThrow('privacy: unexpected argument config.json (it takes only options; see fedstudio privacy --help)');
    expect(parse('--rounds', '3')).toThrow('privacy: unknown option --rounds (see fedstudio privacy --help)');
  });
});

describe('fedstudio privacy', () => {
  it('--json prints {"epsilon", "order"}: the reference point is ε ≈ 2.11 at α = 8', () => {
    const result = cli('privacy', ...reference, '--delta', '1e-5', '--json');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as { epsilon: number; order: number };
    expect(Object.keys(out)).toEqual(['epsilon', 'order']);
    expect(Math.abs(out.epsilon - 2.11)).toBeLessThanOrEqual(0.01);
    expect(out.order).toBe(8);
    expect(result.stdout).toBe(`${JSON.stringify(out)}\n`);
  });

  it('prints one human line', () => {
    const result = cli('privacy', ...reference);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('ε = 2.11 at δ = 1e-5 (best RDP order α = 8, q = 0.01, σ = 1, 1000 steps)\n');
    expect(cli('privacy', '--q', '0.01', '--sigma', '0', '--steps', '1').stdout).toBe(
      'ε = ∞ at δ = 1e-5 (σ = 0 adds no noise: no finite ε; q = 0.01, σ = 0, 1 step)\n',
    );
  });

  it('bad input exits 2 with one line', () => {
    expectRefused(cli('privacy', '--q', '2', '--sigma', '1', '--steps', '10'), '--q: must be ≤ 1 (got 2)');
    expectRefused(cli('privacy', '--q', '0.1', '--sigma=-1', '--steps', '10'), '--sigma: must be ≥ 0 (got -1)');
    expectRefused(
      cli('privacy', '--q', '0.1', '--sigma', '-1', '--steps', '10'),
      'privacy: a value starting with "-" must be written --sigma=<value> (see fedstudio privacy --help)',
    );
    expectRefused(cli('privacy', '--q', '0.1', '--sigma', '1'), 'privacy: missing --steps (see fedstudio privacy --help)');
    expectRefused(cli('privacy', '--q', '0.1', '--sigma', '1', '--steps', '1.5'), '--steps: must be an integer (got 1.5)');
  });

  it('--help prints usage and exits 0', () => {
    const result = cli('privacy', '--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: fedstudio privacy --q Q --sigma Z --steps T [--delta D] [--json]');
    expect(result.stdout).toContain('(default 1e-5)');
    expect(cli('--help').stdout).toContain('fedstudio privacy --q Q --sigma Z --steps T');
  });
});
