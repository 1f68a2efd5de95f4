// Wall-time print (no assertion on speed): n = 10 / 50 clients, d = 100,000, SecAgg and SecAgg+ (k = 12).
import { describe, expect, it } from 'vitest';
import { secureSum } from './secureSum';
import { makeInputs, range } from './testing';

describe('secureSum timing, d = 100,000', () => {
  it.each([
    [10, null],
    [10, 12],
    [50, null],
    [50, 12],
  ] as const)('n = %i, neighbours = %s', async (n, k) => {
    const d = 100_000;
    const dropped = Math.floor(n / 10); // 10 % drop out after ShareKeys
    const survivors = range(n).slice(dropped);
    const result = await secureSum({
      seed: 1,
      round: 1,
      participants: range(n),
      inputs: makeInputs(survivors, d, 1),
      thresholdFraction: 0.6,
      neighbours: k,
      clipRange: 8,
    });
    const mode = k === null ? 'SecAgg ' : `SecAgg+ k=${k}`;
    console.log(
      `[secagg timing] ${mode} n=${n} (${survivors.length} survive) d=${d}: ${result.ms.toFixed(0)} ms, degree ${result.neighbours}, ` +
        `t=${result.threshold}, upload ${(result.uploadBytes / 1e6).toFixed(2)} MB, overhead ${(result.overheadBytes / 1e3).toFixed(1)} kB`,
    );
    expect(result.survivors).toEqual(survivors);
  });
});
