// Robust aggregators inside real runs: any aggregator composes with any strategy through the engine.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/schema';
import { RoundEngine } from '../engine/engine';
import { ToyExecutor } from '../engine/testing/toyExecutor';
import type { AggregatorName } from './types';

async function run(name: AggregatorName, strategy: 'fedavg' | 'fedadam', numClients = 10) {
  const config = parseConfig({
    seed: 3,
    rounds: 4,
    partition: { numClients },
    sampling: { fraction: 1 },
    strategy: { name: strategy, serverLr: strategy === 'fedadam' ? 0.1 : undefined },
    aggregator: { name, f: 1 },
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

  it('ends the run with the aggregator’s message when a round has too few clients for Krum', async () => {
    const { end } = await run('krum', 'fedavg', 4);
    expect(end.reason).toBe('error');
    expect(end.message).toContain('krum needs n > 2f + 2 = 4 updates, got n = 4 with f = 1');
  });
});
