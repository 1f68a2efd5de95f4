import { describe, expect, it } from 'vitest';
import { aggregatorFor, runOnce } from '../aggregate/testing';
import { allFinite } from '../math/vector';
import { parseConfig, type ExperimentConfigInput } from '../config/schema';
import { RoundEngine } from '../engine/engine';
import { ToyExecutor } from '../engine/testing/toyExecutor';
import { inf } from './inf';
import { maliciousClients } from './malicious';
import { poisonUpdates } from './poisonUpdates';

describe('inf', () => {
  it('sends +∞ in every coordinate, whatever it computed', () => {
    expect([...inf.forge(Float32Array.of(1, -2, 0))]).toEqual([Infinity, Infinity, Infinity]);
    const updates = [0, 1].map((clientId) => ({ clientId, delta: Float32Array.of(1, 2) }));
    const out = poisonUpdates(parseConfig({ attack: { kind: 'inf' } }), 1, updates, new Set([1]));
    expect(out.map((u) => [...u.delta])).toEqual([[1, 2], [Infinity, Infinity]]);
  });

  describe('what the aggregators make of it: 9 honest updates, 2 of +∞, f = 2', () => {
    const rows = Array.from({ length: 11 }, (_, i) => (i === 3 || i === 7 ? [Infinity, Infinity] : [i, -i]));
    const updates = rows.map((row, clientId) => ({ clientId, delta: Float32Array.from(row), weight: 1 + clientId }));
    const aggregate = (section: object) => runOnce(aggregatorFor({ f: 2, ...section }), updates);

    it('median, trimmed mean (b = 2), Krum, Multi-Krum, Bulyan and norm bounding drop it', () => {
      for (const name of ['median', 'trimmed-mean', 'krum', 'multi-krum', 'bulyan', 'norm-bound'] as const) {
        expect(aggregate({ name }).out.every(Number.isFinite), name).toBe(true);
      }
      // Distance-based rules see a +∞ update as infinitely far from every other: never selected.
      for (const name of ['krum', 'multi-krum', 'bulyan'] as const) {
        const { decisions } = aggregate({ name });
        expect([decisions.get(3)?.selected, decisions.get(7)?.selected], name).toEqual([false, false]);
      }
      // Krum scores over n − f − 2 = 7 neighbours, ‖x_i − x_j‖² = 2(i − j)²: rows 4 and 6 score 150 (row 5: 154); ties go to the lower id.
      expect(aggregate({ name: 'krum' }).out).toEqual([4, -4]);
    });

    it('the mean, a trimmed mean cutting fewer than the attackers, and the rules that sum over all updates do not', () => {
      expect(aggregate({ name: 'mean' }).out).toEqual([Infinity, Infinity]);
      expect(aggregate({ name: 'trimmed-mean', trimCount: 1 }).out).toEqual([Infinity, Infinity]);
      for (const section of [{ name: 'geometric-median' }, { name: 'centered-clipping' }, { name: 'median', nnm: true }]) {
        expect(aggregate(section).out.some(Number.isFinite), JSON.stringify(section)).toBe(false);
      }
    });
  });

  describe('in a run', () => {
    const run = async (input: ExperimentConfigInput) => {
      const config = parseConfig({
        seed: 3,
        rounds: 2,
        partition: { numClients: 6 },
        sampling: { fraction: 1, minClients: 2 },
        attack: { kind: 'inf', count: 1 },
        ...input,
      });
      const engine = new RoundEngine(config, new ToyExecutor(), { runtime: 'node' });
      return { config, engine, end: await engine.run() };
    };

    it('under the plain mean, ends the run at the first round as diverged, naming the attack, the clients and the aggregator', async () => {
      const { config, end } = await run({});
      const [attacker] = maliciousClients(config);
      expect(end.reason).toBe('diverged');
      expect(end.message).toBe(
        `training diverged at round 1: ${end.message?.split(': ')[1].split(' — ')[0]} — cause: the inf attack: malicious ` +
          `client ${attacker} sent non-finite updates (±∞ or NaN), which aggregator "mean" let into the aggregate; ` +
          'median, trimmed-mean (with trimCount ≥ the attackers per round), krum, multi-krum, bulyan and norm-bound ' +
          'drop them (without DP, whose clipping turns them into NaN)',
      );
    });

    it('names the pre-aggregator that let it through (NNM mixes +∞ into every update)', async () => {
      const { end } = await run({ aggregator: { name: 'median', nnm: true, f: 1 } });
      expect(end.reason).toBe('diverged');
      expect(end.message).toContain('which aggregator "nnm+median" let into the aggregate');
    });

    it('under the median or Krum, completes with a finite model', async () => {
      for (const aggregator of [{ name: 'median' as const }, { name: 'krum' as const, f: 1 }]) {
        const { engine, end } = await run({ aggregator });
        expect(end.reason, aggregator.name).toBe('completed');
        expect(allFinite(engine.getGlobalWeights()), aggregator.name).toBe(true);
      }
    });
  });
});
