import { describe, expect, it } from 'vitest';
import { parseConfig, type ExperimentConfigInput } from '../core/config/schema';
import { loadData } from '../core/data/load';
import { nodeAssetLoader } from '../workers/assets-node';
import { planWorkers, workerBytes } from './workers';

const MB = 2 ** 20;
const GB = 2 ** 30;

describe('how many workers a run starts', () => {
  it('as many as asked, or one per core, without a word when they fit', () => {
    expect(planWorkers(2, 150 * MB, { cores: 2, freeBytes: 8 * GB })).toEqual({ workers: 2, warnings: [] });
    expect(planWorkers(undefined, 150 * MB, { cores: 4, freeBytes: 8 * GB })).toEqual({ workers: 4, warnings: [] });
  });

  it('--workers 64 on 2 cores with 3 GB free: warns about the cores and caps at what fits in memory', () => {
    expect(planWorkers(64, 155 * MB, { cores: 2, freeBytes: 3 * GB })).toEqual({
      workers: 15, // 80% of 3 GB / 155 MB
      warnings: [
        '--workers 64 is more than the 2 cores: the extra workers only take turns on them, so the run is no faster and needs more memory',
        '--workers 64 would need about 9.7 GB of memory (≈ 155 MB each) but 3.0 GB is free: using 15 workers',
      ],
    });
  });

  it('the default (one per core) is capped too, never below one worker', () => {
    expect(planWorkers(undefined, 150 * MB, { cores: 16, freeBytes: 0.5 * GB }).warnings).toEqual([
      'one worker per core (16) would need about 2.3 GB of memory (≈ 150 MB each) but 0.5 GB is free: using 2 workers',
    ]);
    expect(planWorkers(4, 150 * MB, { cores: 4, freeBytes: 100 * MB })).toMatchObject({ workers: 1 });
  });

  it('estimates a worker’s memory from the data and the model (measured ≈ 140 MB for the MLP on MNIST)', async () => {
    const bytesOf = async (input: ExperimentConfigInput) => {
      const config = parseConfig(input);
      return workerBytes(config, await loadData(config, nodeAssetLoader));
    };
    const mnist = await bytesOf({});
    expect(mnist / MB).toBeGreaterThan(120);
    expect(mnist / MB).toBeLessThan(170);
    expect(await bytesOf({ data: { dataset: 'moons' } })).toBeLessThan(mnist);
    expect(await bytesOf({ model: { hidden: [1024, 1024, 1024, 1024] } })).toBeGreaterThan(mnist + 40 * MB);
  });
});
