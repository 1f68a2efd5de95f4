import { describe, expect, it } from 'vitest';
import { defaultConfig, modelSchema, parseConfig } from '../config/schema';
import { cnnLayers } from './cnn';
import { MODEL_PLUGINS, modelLayers } from './registry';
import { mlp } from './mlp';

const mnist = { inputShape: [28, 28, 1], numClasses: 10 };

describe('model plugins', () => {
  it('are chosen by model.kind, with the section’s defaults unchanged', () => {
    expect(modelSchema.unwrap().shape.kind.unwrap().options).toEqual(MODEL_PLUGINS.map((p) => p.name));
    expect(defaultConfig().model).toEqual({ kind: 'mlp', hidden: [128] });
  });

  it('lay out their layers from their own parameters and the data’s shape', () => {
    expect(mlp.create({ hidden: [16] }, mnist)).toEqual(modelLayers({ kind: 'mlp', ...mnist, hidden: [16] }));
    expect(modelLayers({ kind: 'cnn', ...mnist, hidden: [] })).toEqual(cnnLayers(mnist));
  });

  it('say which need images, and the rule refuses them on other data from that alone', () => {
    expect(MODEL_PLUGINS.filter((p) => p.needsImages).map((p) => p.name)).toEqual(['cnn']);
    expect(() => parseConfig({ model: { kind: 'cnn' }, data: { dataset: 'xor' } })).toThrow(
      'model.kind: the CNN needs image data: use dataset "mnist"',
    );
    expect(parseConfig({ model: { kind: 'cnn' } }).model.kind).toBe('cnn');
  });
});
