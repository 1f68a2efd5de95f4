import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/schema';
import { modelSpecFor } from './spec';

describe('modelSpecFor', () => {
  it('takes the input shape and classes from the data and hidden sizes from the config', () => {
    const config = parseConfig({ model: { kind: 'mlp', hidden: [32, 16] } });
    expect(modelSpecFor(config, { inputShape: [2], numClasses: 3 })).toEqual({
      kind: 'mlp',
      inputShape: [2],
      numClasses: 3,
      hidden: [32, 16],
    });
  });

  it('drops hidden sizes for models that have none', () => {
    const config = parseConfig({ model: { kind: 'cnn' } });
    expect(modelSpecFor(config, { inputShape: [28, 28, 1], numClasses: 10 }).hidden).toEqual([]);
  });
});
