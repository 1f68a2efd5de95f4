import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { defaultConfig, parseConfig, strategySchema } from '../config/schema';
import { paramMeta, type Plugin } from '../plugin';
import { fedavgm } from './fedavgm';
import { STRATEGY_PLUGINS, clientTraining, createStrategy } from './registry';
import { serverLearningRate } from './serverLr';

const f32 = (...v: number[]) => Float32Array.from(v);

describe('strategy plugins', () => {
  it('offer each plugin by its name, with the section’s defaults unchanged', () => {
    expect(strategySchema.unwrap().shape.name.unwrap().options).toEqual(STRATEGY_PLUGINS.map((p) => p.name));
    expect(defaultConfig().strategy).toEqual({
      name: 'fedavg',
      proximalMu: 0.01,
      serverMomentum: 0,
      beta1: 0.9,
      beta2: 0.99,
      tau: 1e-3,
      biasCorrection: true,
    });
  });

  it('describe every parameter for the studio and name their source', () => {
    for (const [key, schema] of Object.entries(strategySchema.unwrap().shape)) {
      expect(paramMeta.get(schema as z.ZodType)?.label, key).toBeTruthy();
    }
    for (const plugin of STRATEGY_PLUGINS) expect(plugin.help, plugin.name).toMatch(/\d{4}.*Flower/);
  });

  it('build a strategy from its own parameters alone', () => {
    const s = fedavgm.create({ serverMomentum: 0.5, serverLr: 2 });
    expect(s.step(s.step(f32(0), f32(1), 1), f32(1), 2)[0]).toBe(5);
  });

  it('apply the unset serverLr they declare (the studio’s shown default) and 1 without a server learning rate', () => {
    for (const plugin of STRATEGY_PLUGINS as readonly Plugin[]) {
      const config = parseConfig({ strategy: { name: plugin.name } });
      const fallback = plugin.unsetDefaults?.serverLr;
      expect(serverLearningRate(config), plugin.name).toBe(fallback ?? 1);
      expect('serverLr' in plugin.params, plugin.name).toBe(fallback !== undefined);
      if (fallback === undefined) continue;
      const explicit = parseConfig({ strategy: { name: plugin.name, serverLr: fallback } });
      const [x, d] = [f32(0.5, -1), f32(0.25, 2)];
      expect(createStrategy(config).step(x, d, 1)).toEqual(createStrategy(explicit).step(x, d, 1));
    }
    expect(serverLearningRate(parseConfig({ strategy: { name: 'fedavg', serverLr: 3 } }))).toBe(1);
    expect(serverLearningRate(parseConfig({ strategy: { name: 'fedyogi', serverLr: 3 } }))).toBe(3);
  });

  it('reach local training through the client hook: FedProx’s μ, plain training for the others', () => {
    for (const { name } of STRATEGY_PLUGINS) {
      const section = parseConfig({ strategy: { name, proximalMu: 0.3 } }).strategy;
      expect(clientTraining(section), name).toEqual({ proximalMu: name === 'fedprox' ? 0.3 : 0 });
    }
  });
});
