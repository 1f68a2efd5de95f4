// Variants on one pool: configs (mean vs median under sign-flipping, and one that trains differently) run side by side
// on contexts 0, 1, 2 of one node pool give per-round numbers bit-identical to each config run alone on the pool.
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig, type ExperimentConfig } from '../core/config/schema';
import { variantConfigs } from '../core/config/variants';
import { RoundEngine } from '../core/engine/engine';
import { VariantRun } from '../core/engine/variantRun';
import type { RoundMetrics } from '../core/report/metrics';
import { createNodePoolExecutor } from './nodePool';

const base = parseConfig({
  seed: 5,
  rounds: 3,
  data: { dataset: 'moons', numSamples: 600 },
  partition: { numClients: 8, method: 'iid' },
  model: { kind: 'mlp', hidden: [8] },
  sampling: { fraction: 1 },
  aggregator: { name: 'mean', f: 2 },
  attack: { kind: 'sign-flip', fraction: 0.25, signFlipScale: 4 },
});
// The median differs on the server only; the third variant trains differently (a task run in the wrong context shows).
const configs = variantConfigs(base, [{ set: { 'aggregator.name': 'median' } }, { set: { 'train.lr': 0.02, 'partition.method': 'dirichlet' } }]);

/** Every number of a round but the wall time (floats compared exactly: toEqual uses Object.is). */
const numbers = (rounds: RoundMetrics[]) => rounds.map(({ durationMs: _, ...rest }) => rest);

const pool = createNodePoolExecutor({ workers: 2 });
afterAll(() => pool.dispose());

async function alone(config: ExperimentConfig): Promise<RoundMetrics[]> {
  const engine = new RoundEngine(config, pool, { runtime: 'node' });
  expect((await engine.run()).reason).toBe('completed');
  return engine.getMetrics().rounds;
}

describe('variants side by side on one pool', () => {
  it('each variant equals its config run alone, bit for bit', { timeout: 60_000 }, async () => {
    const run = new VariantRun(configs, pool, { runtime: 'node' });
    const events: [number, string][] = [];
    run.on((variant, event) => events.push([variant, event.type]));
    const ends = await run.run();
    expect(ends.map((e) => e.reason)).toEqual(['completed', 'completed', 'completed']);
    const together = run.engines.map((e) => e.getMetrics().rounds);
    // Both ran at once: variant 1 started its rounds before variant 0 finished.
    const firstDone = events.findIndex(([v, t]) => v === 0 && t === 'run-finished');
    expect(events.slice(0, firstDone).some(([v, t]) => v === 1 && t === 'round-started')).toBe(true);

    for (const [k, config] of configs.entries()) expect(numbers(together[k])).toEqual(numbers(await alone(config)));
    // And the contrast is real: the two aggregators give different models.
    expect(together[0][3].testAccuracy).not.toBe(together[1][3].testAccuracy);
  });

  it('a context that is not prepared says so', async () => {
    await expect(pool.context(3).initialWeights()).rejects.toThrow('call context(3).prepare(config) first');
  });
});
