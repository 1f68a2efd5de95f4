import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { Rng } from '../rng';
import { buildMaskingGraph, type MaskingGraph } from './graph';
import { uploadBytes, type MaskedInput } from './messages';
import { runSecAggRound } from './protocol';
import { clip, dequantizeSum, QUANTIZATION_RANGE } from './quantize';
import { SecureAggregationError, secureSum, type SecureSumOptions } from './secureSum';
import { SecAggServer } from './server';
import { SHAMIR_PRIME } from './shamir';
import { makeInputs, plainQuantizedSum, range } from './testing';
import { shamirThreshold } from './threshold';

function options(n: number, survivors: readonly number[], d: number, extra: Partial<SecureSumOptions> = {}): SecureSumOptions {
  return {
    seed: 11,
    round: 4,
    participants: range(n),
    inputs: makeInputs(survivors, d, 10),
    thresholdFraction: 0.6,
    neighbours: null,
    clipRange: 8,
    ...extra,
  };
}

/** Run the protocol and check the unmasked ring sum equals the plain quantized sum exactly. */
async function expectExactSum(opts: SecureSumOptions): Promise<void> {
  const outcome = await runSecAggRound(opts);
  expect(outcome.survivors).toEqual([...opts.inputs.keys()].sort((a, b) => a - b));
  expect(outcome.ringSum).toEqual(plainQuantizedSum(opts.inputs, opts.seed, opts.round, opts.clipRange));
}

const without = (n: number, dropped: readonly number[]) => range(n).filter((i) => !dropped.includes(i));

/** Ascending ids whose secrets are needed (alive, or a dropped client with a live neighbour) but have < t live holders. */
function unrecoverable(graph: MaskingGraph, dropped: readonly number[], t: number): number[] {
  const alive = (w: number) => !dropped.includes(w);
  return [...graph.neighbours.keys()]
    .filter((w) => alive(w) || (graph.neighbours.get(w) ?? []).some(alive))
    .filter((w) => (graph.shareHolders.get(w) ?? []).filter(alive).length < t)
    .sort((a, b) => a - b);
}

describe('secureSum: unmasked sum ≡ plain quantized sum mod 2^32', () => {
  it.each([3, 5, 10, 17, 30])('SecAgg, n = %i, no dropouts, d = 7', async (n) => {
    await expectExactSum(options(n, range(n), 7));
  });

  it.each([
    ['lowest', 10, [0]],
    ['highest', 10, [9]],
    ['four of ten', 10, [1, 4, 5, 8]],
    ['twelve of thirty', 30, [0, 2, 3, 7, 11, 13, 17, 19, 23, 24, 28, 29]],
  ] as const)('SecAgg with dropouts above threshold (%s)', async (_label, n, dropped) => {
    await expectExactSum(options(n, without(n, dropped), 13));
  });

  it.each([
    [12, 4, 0.6, []],
    [20, 6, 0.6, [3]],
    [30, 12, 0.6, [0, 9, 17, 26]],
    [30, 8, 0.51, [5, 6, 21]],
    [8, 12, 0.6, [2]], // k ≥ n − 1: all pairs
  ] as const)('SecAgg+, n = %i, k = %i, fraction %f, dropped %j', async (n, k, fraction, dropped) => {
    await expectExactSum(options(n, without(n, dropped), 9, { neighbours: k, thresholdFraction: fraction }));
  });

  it('d = 10,000, SecAgg and SecAgg+, with dropouts', async () => {
    await expectExactSum(options(12, without(12, [3, 10]), 10_000));
    await expectExactSum(options(25, without(25, [1, 14, 20]), 10_000, { neighbours: 10 }));
  });

  it('random dropout patterns that keep every neighbourhood above t', async () => {
    const rng = new Rng(3, 'dropout-patterns');
    for (let trial = 0; trial < 6; trial++) {
      const n = 6 + rng.int(20);
      const k = trial % 2 === 0 ? null : 4 + 2 * rng.int(3);
      const opts = options(n, range(n), 5, { neighbours: k, round: trial });
      const graph = buildMaskingGraph(opts.seed, opts.round, opts.participants, k);
      const t = shamirThreshold(opts.thresholdFraction, graph.holdersPerClient);
      // Drop clients one at a time while every client still keeps ≥ t live share holders.
      const alive = new Set(range(n));
      for (const u of rng.shuffle(range(n))) {
        alive.delete(u);
        const ok = alive.size >= t && unrecoverable(graph, without(n, [...alive]), t).length === 0;
        if (!ok || rng.float() < 0.3) alive.add(u);
      }
      await expectExactSum({ ...opts, inputs: makeInputs([...alive].sort((a, b) => a - b), 5, 10, trial) });
    }
  });
});

describe('secureSum: result', () => {
  it('dequantized sum within m·(2r/2^22) of the true float sum for inputs within [−r, r]', async () => {
    const r = 8;
    const opts = options(10, without(10, [2, 6]), 500, { clipRange: r });
    opts.inputs.forEach((x) => x.forEach((v, i) => (x[i] = v * 0.79))); // within [−7.9, 7.9]
    const result = await secureSum(opts);
    const m = result.survivors.length;
    for (let i = 0; i < 500; i++) {
      let exact = 0;
      for (const x of opts.inputs.values()) exact += x[i];
      expect(Math.abs(result.sum[i] - exact)).toBeLessThanOrEqual(m * ((2 * r) / QUANTIZATION_RANGE) + Math.abs(exact) * 2 ** -23);
    }
  });

  it('clips each coordinate to [−r, r] before summing', async () => {
    const inputs = new Map([
      [0, Float32Array.from([100, -100, 0.5])],
      [1, Float32Array.from([100, -3, 0.25])],
      [2, Float32Array.from([-100, -100, 0.25])],
    ]);
    const result = await secureSum({ ...options(3, [], 0, { clipRange: 2 }), inputs });
    expect(Array.from(result.sum).map((x) => Math.round(x * 1e4) / 1e4)).toEqual([2, -6, 1]);
    expect(result.preview.input).toEqual([2, -2, 0.5]);
  });

  it('is bitwise deterministic across runs even though keys and b_u are fresh randomness', async () => {
    const opts = options(15, without(15, [4, 9]), 2000, { neighbours: 6, thresholdFraction: 0.51 });
    const [a, b] = [await secureSum(opts), await secureSum(opts)];
    expect(b.sum).toEqual(a.sum);
    expect(new Uint8Array(b.sum.buffer)).toEqual(new Uint8Array(a.sum.buffer));
    expect(b.preview.masked).not.toEqual(a.preview.masked);
  });

  it('reports threshold, degree, survivors, bytes and a preview of what the server saw', async () => {
    const n = 10;
    const d = 100;
    const opts = options(n, without(n, [0, 5]), d);
    const result = await secureSum(opts);
    expect(result).toMatchObject({ survivors: [1, 2, 3, 4, 6, 7, 8, 9], threshold: 6, neighbours: 9 });
    // keys 2·65 per participant; per ordered pair a ciphertext of 4 (recipient) + 12 (IV) + 8 (ids) + 2·44 (shares)
    // + 16 (tag) = 128; 4d per survivor; per survivor a (4 + 44)-byte share for each of the n participants.
    const expected = n * 130 + n * (n - 1) * 128 + 8 * 4 * d + 8 * n * 48;
    expect(result.uploadBytes).toBe(expected);
    expect(result.overheadBytes).toBe(expected - 8 * 4 * d);
    expect(result.preview.clientId).toBe(1);
    expect(result.preview.input).toEqual(Array.from(opts.inputs.get(1)?.subarray(0, 16) ?? [], (x) => Math.fround(clip(x, 8))));
    expect(result.preview.masked).toHaveLength(16);
    expect(result.preview.masked).not.toEqual(result.preview.input);
    expect(result.ms).toBeGreaterThan(0);
  });

  it('a single masked vector looks uniform on the ring and unrelated to the input', async () => {
    const d = 20_000;
    const opts = options(6, range(6), d);
    opts.inputs.forEach((x) => x.fill(-8)); // every quantized input is 0
    const { maskedInputs } = await runSecAggRound(opts);
    const y = maskedInputs[0].masked;
    const mean = y.reduce((s, v) => s + v / 2 ** 32, 0) / d;
    expect(mean).toBeGreaterThan(0.49);
    expect(mean).toBeLessThan(0.51);
    expect(y.filter((v) => v === 0).length).toBeLessThan(3);
    const view = dequantizeSum(y.subarray(0, 16), 1, 8);
    expect(Array.from(view).some((v) => Math.abs(v) > 100)).toBe(true); // "noise", far outside [−r, r]
  });
});

describe('secureSum: failures', () => {
  it('fewer than t survivors overall', async () => {
    const run = secureSum(options(10, [1, 4, 7], 8));
    await expect(run).rejects.toThrow(SecureAggregationError);
    await expect(run).rejects.toThrow(
      'secure aggregation failed in round 4: only 3 of 10 clients survived, below the threshold t = 6 — lower system.dropoutProb or secureAggregation.thresholdFraction',
    );
  });

  it('SecAgg+: a surviving client whose share holders fell below t, named', async () => {
    const n = 20;
    const graph = buildMaskingGraph(11, 4, range(n), 4);
    const dropped = (graph.neighbours.get(13) ?? []).slice(0, 2);
    const culprit = unrecoverable(graph, dropped, 3)[0];
    expect(dropped).not.toContain(culprit);
    const run = secureSum(options(n, without(n, dropped), 4, { neighbours: 4 }));
    await expect(run).rejects.toThrow(SecureAggregationError);
    await expect(run).rejects.toThrow(
      `secure aggregation failed in round 4: only 2 of the 4 share holders of client ${culprit} survived, below the ` +
        'threshold t = 3, so its self-mask cannot be removed — raise secureAggregation.neighbours, or lower ' +
        'system.dropoutProb or secureAggregation.thresholdFraction',
    );
  });

  it('SecAgg+: a dropped client whose share holders fell below t, named', async () => {
    // The server names the lowest-id client it cannot recover: find a dropout set where that is a dropped one.
    const n = 24;
    const k = 6;
    const graph = buildMaskingGraph(11, 4, range(n), k);
    const t = shamirThreshold(0.6, k);
    const patterns = range(n).flatMap((gone) =>
      [[0, 1, 2], [0, 2, 4], [1, 3, 5], [3, 4, 5]].map((pick) => [gone, ...pick.map((i) => (graph.neighbours.get(gone) ?? [])[i])]),
    );
    const dropped = patterns.find((p) => unrecoverable(graph, p, t)[0] === p[0]) ?? [];
    const gone = dropped[0];
    const live = (graph.shareHolders.get(gone) ?? []).filter((h) => !dropped.includes(h)).length;
    await expect(secureSum(options(n, without(n, dropped), 4, { neighbours: k }))).rejects.toThrow(
      `secure aggregation failed in round 4: client ${gone} dropped out and only ${live} of its 6 share holders survived, ` +
        'below the threshold t = 4, so its pairwise masks cannot be removed — raise secureAggregation.neighbours, ' +
        'or lower system.dropoutProb or secureAggregation.thresholdFraction',
    );
  });

  it('rejects invalid requests with clear messages', async () => {
    const base = options(5, range(5), 3);
    const bad = (patch: Partial<SecureSumOptions>) => secureSum({ ...base, ...patch });
    await expect(bad({ inputs: new Map([...base.inputs, [7, new Float32Array(3)]]) })).rejects.toThrow(
      "client 7 sent an input but is not among the round's participants",
    );
    await expect(bad({ inputs: new Map([...base.inputs, [2, new Float32Array(4)]]) })).rejects.toThrow(
      "client 2's input has 4 coordinates, expected 3",
    );
    await expect(bad({ inputs: new Map([[0, Float32Array.from([0, NaN, 0])]]) })).rejects.toThrow('NaN at coordinate 1');
    await expect(bad({ participants: [0, 2, 1, 3, 4] })).rejects.toThrow('ascending');
    await expect(bad({ participants: [0, 1, 2, 3, SHAMIR_PRIME] })).rejects.toThrow('client id');
    await expect(bad({ participants: [0] })).rejects.toThrow('at least 2 participants');
    await expect(bad({ thresholdFraction: 0.5 })).rejects.toThrow('thresholdFraction must be in (0.5, 1]');
    await expect(bad({ neighbours: 3, participants: range(10) })).rejects.toThrow('neighbours must be an even integer');
    await expect(bad({ clipRange: 0 })).rejects.toThrow('clipRange');
    await expect(bad({ round: -1 })).rejects.toThrow('round');
    // A bad request is an error that stops the run, not a round the protocol could not recover.
    await expect(bad({ thresholdFraction: 0.5 })).rejects.not.toBeInstanceOf(SecureAggregationError);
  });
});

describe('the server never sees a plaintext input', () => {
  it('server.ts does not import the quantizer', () => {
    const source = readFileSync(new URL('./server.ts', import.meta.url), 'utf8');
    const imports = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    expect(imports).not.toContain('./quantize');
    expect(imports.every((p) => p.startsWith('./') && !p.includes('client'))).toBe(true);
  });

  it('gets only MaskedInput objects with ring vectors, never a Float32Array or a plain quantized input', async () => {
    const opts = options(8, without(8, [3]), 64, { neighbours: 4 });
    const plain = [...opts.inputs].map(([id, x]) => plainQuantizedSum(new Map([[id, x]]), opts.seed, opts.round, opts.clipRange));
    const seen: unknown[] = [];
    const methods = ['receiveKeys', 'routeShares', 'receiveMaskedInputs', 'unmask'] as const;
    const spies = methods.map((name) => {
      const original = SecAggServer.prototype[name] as (...args: unknown[]) => unknown;
      return vi.spyOn(SecAggServer.prototype, name).mockImplementation(function (this: SecAggServer, ...args: unknown[]) {
        seen.push(...args);
        return original.apply(this, args) as never;
      });
    });
    try {
      await secureSum(opts);
    } finally {
      spies.forEach((s) => s.mockRestore());
    }
    const masked = seen[2] as MaskedInput[];
    expect(masked.map((m) => m.kind)).toEqual(Array(7).fill('masked-input'));
    expect(masked.every((m) => m.masked instanceof Uint32Array && Object.keys(m).join() === 'kind,clientId,masked')).toBe(true);
    const leaks: string[] = [];
    const scan = (value: unknown, path: string): void => {
      if (value instanceof Float32Array || value instanceof Float64Array) leaks.push(`${path}: float vector`);
      else if (value instanceof Uint32Array) {
        if (plain.some((q) => q.length === value.length && q.every((v, i) => v === value[i]))) leaks.push(`${path}: quantized input`);
      } else if (value instanceof Map) value.forEach((v, k) => scan(v, `${path}.${k}`));
      else if (Array.isArray(value)) value.forEach((v, i) => scan(v, `${path}[${i}]`));
      else if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value)) {
        Object.entries(value).forEach(([k, v]) => scan(v, `${path}.${k}`));
      }
    };
    seen.forEach((arg, i) => scan(arg, `arg${i}`));
    expect(leaks).toEqual([]);
    expect(uploadBytes(masked[0])).toBe(4 * 64);
  });
});
