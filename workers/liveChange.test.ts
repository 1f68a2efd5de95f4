import { describe, expect, it } from 'vitest';
import { parseConfig, type ExperimentConfigInput } from '../core/config/schema';
import { RoundEngine } from '../core/engine/engine';
import { ToyExecutor } from '../core/engine/testing/toyExecutor';
import { changeEngines } from './liveChange';

const engine = (input: ExperimentConfigInput) =>
  new RoundEngine(parseConfig({ rounds: 5, partition: { numClients: 6 }, ...input }), new ToyExecutor(), { runtime: 'node' });

describe('changeEngines (the coordinator’s live change)', () => {
  it('applies one change to every engine of the session from the first round none has started', async () => {
    const a = engine({});
    const b = engine({ strategy: { name: 'fedavgm' } });
    await a.step(); // rounds 0 and 1
    await b.step();
    await b.step(); // b is a round ahead
    expect(changeEngines([a, b], { 'aggregator.name': 'median' })).toEqual({ ok: true, round: 3 });
    for (const e of [a, b]) expect(e.config.schedule).toEqual([{ round: 3, set: { 'aggregator.name': 'median' } }]);
    await Promise.all([a.run(), b.run()]);
    expect(a.getMetrics().rounds[3].changes).toEqual({ 'aggregator.name': 'median' });
    expect(b.getMetrics().rounds[3].changes).toEqual({ 'aggregator.name': 'median' });
  });

  it('changes none when the change is invalid for any of them, and says why by field', () => {
    const plain = engine({});
    const central = engine({ privacy: { mode: 'central' } });
    const result = changeEngines([plain, central], { 'aggregator.name': 'median' });
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/^aggregator\.name: central DP/) });
    expect(plain.config.schedule).toBeUndefined();
    expect(changeEngines([plain], { seed: 3 })).toEqual({ ok: false, message: expect.stringMatching(/^seed: `seed` cannot change during a run/) });
    expect(changeEngines([], { 'aggregator.name': 'median' })).toEqual({ ok: false, message: 'no run in progress: start one first' });
  });
});
