// Robust aggregators inside real runs: any aggregator composes with any strategy through the engine.
import { describe, expect, it } from 'vitest';
import { parseConfig, type ExperimentConfigInput } from '../config/schema';
import { RoundEngine } from '../engine/engine';
import { ToyExecutor } from '../engine/testing/toyExecutor';
import type { AggregatorName } from './types';

async function run(name: AggregatorName, strategy: 'fedavg' | 'fedadam', overrides: ExperimentConfigInput = {}) {
  const config = parseConfig({
    seed: 3,
    rounds: 4,
    partition: { numClients: 10 },
    sampling: { fraction: 1 },
    strategy: { name: strategy, serverLr: strategy === 'fedadam' ? 0.1 : undefined },
    aggregator: { name, f: 1 },
    ...overrides,
  });
  const engine = new RoundEngine(config, new ToyExecutor(), { runtime: 'node' });
  const end = await engine.run();
  return { end, rounds: engine.getMetrics().rounds };
}

describe('robust aggregators in the round engine', () => {
  for (const name of ['median', 'krum', 'bulyan', 'geometric-median', 'centered-clipping'] as const) {
    for (const strategy of ['fedavg', 'fedadam'] as const) {
      it(`${name} with ${strategy} trains the toy model`, async () => {
        const { end, rounds } = await run(name, strategy);
        expect(end.reason).toBe('completed');
        expect(rounds[4].testLoss).toBeLessThan(rounds[0].testLoss);
      });
    }
  }

  it('ends the run with the aggregator’s message when dropouts leave a round too few updates for Krum', async () => {
    // All 5 clients sampled meet Krum's n ≥ 2f + 3 = 5, so the config is valid; a round with a dropout has fewer.
    const { end } = await run('krum', 'fedavg', { partition: { numClients: 5 }, system: { dropoutProb: 0.5 } });
    expect(end.reason).toBe('error');
    expect(end.message).toMatch(/^krum needs n > 2f \+ 2 = 4 updates, got n = [1-4] with f = 1/);
  });
});
