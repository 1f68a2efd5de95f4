import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/schema';
import type { AssetLoader } from '../data/types';
import { ClientRuntime } from './clientRuntime';
import { SharedData } from './sharedData';

const mnistPath = new URL('../../public/data/mnist.bin', import.meta.url);

describe('SharedData: the runtimes of one worker (one per variant) share the loaded data', () => {
  it('loads MNIST once for two variants with the same (seed, data), again only for another seed', async () => {
    let loads = 0;
    const loadAsset: AssetLoader = async () => {
      loads++;
      return new Uint8Array(await readFile(mnistPath));
    };
    const base = parseConfig({ seed: 4, partition: { numClients: 4 }, model: { kind: 'logreg' } });
    const median = parseConfig({ ...base, aggregator: { name: 'median' }, partition: { numClients: 4, method: 'dirichlet', alpha: 0.5 } });
    const shared = new SharedData();
    const [a, b] = [new ClientRuntime(shared), new ClientRuntime(shared)];
    // Both at once, as two contexts' inits arrive at one worker.
    await Promise.all([a.init({ config: base, loadAsset }), b.init({ config: median, loadAsset })]);
    expect(loads).toBe(1);
    expect(a.dataKey).toBe(b.dataKey);
    expect(a.testSize()).toBe(b.testSize());
    // Their partitions are their own.
    expect(a.partitionStats().sizes).not.toEqual(b.partitionStats().sizes);

    await b.init({ config: { ...median, seed: 5 }, loadAsset });
    expect(loads).toBe(2);
    expect(shared.size).toBe(2);
    // The owner (the worker's client API) prunes what no runtime uses any more.
    shared.retain([a.dataKey!]);
    expect(shared.size).toBe(1);
    a.dispose();
    b.dispose();
  });

  it('forgets a failed load, so the next init retries it', async () => {
    const shared = new SharedData();
    await expect(shared.get('k', () => Promise.reject(new Error('offline')))).rejects.toThrow('offline');
    expect(shared.size).toBe(0);
  });
});
