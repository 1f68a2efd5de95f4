// The divergence message names the setting that most likely caused it, not always the learning rate.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/schema';
import { divergence } from './engine';

const finite = Float32Array.from([0.5, -1]);
const stop = (config: object, round = 3) => divergence(round, NaN, finite, parseConfig(config));

describe('divergence', () => {
  it('says nothing while the loss and the weights are finite', () => {
    expect(divergence(3, 0.7, finite, parseConfig({}))).toBeNull();
  });

  it('blames the learning rate when nothing else stands out (the server one too under a server optimizer)', () => {
    expect(stop({ train: { lr: 5 } })).toBe('training diverged at round 3: test loss is NaN — lower the learning rate');
    expect(divergence(2, 0.7, Float32Array.from([1, Infinity]), parseConfig({}))).toBe(
      'training diverged at round 2: the global model has NaN or infinite weights — lower the learning rate',
    );
    expect(stop({ strategy: { name: 'fedadam', serverLr: 5 } })).toBe(
      'training diverged at round 3: test loss is NaN — lower the learning rate (train.lr) or the server learning rate (strategy.serverLr)',
    );
  });

  it('blames central DP noise, naming the noise multiplier', () => {
    expect(stop({ privacy: { mode: 'central', noiseMultiplier: 50 } })).toBe(
      'training diverged at round 3: test loss is NaN — likely cause: the central DP noise (privacy.noiseMultiplier = 50): ' +
        'lower it or privacy.clipNorm, or sample more clients per round; otherwise lower the learning rate',
    );
  });

  it('blames local DP noise, naming its ε', () => {
    expect(stop({ privacy: { mode: 'local', localEpsilon: 0.05 } })).toBe(
      'training diverged at round 3: test loss is NaN — likely cause: the local DP noise (privacy.localEpsilon = 0.05): ' +
        'raise privacy.localEpsilon or lower privacy.clipNorm; otherwise lower the learning rate',
    );
  });

  it('blames DP-SGD noise', () => {
    expect(stop({ privacy: { dpSgd: true, dpSgdNoiseMultiplier: 20 } })).toMatch(
      /— likely cause: the DP-SGD noise \(privacy\.dpSgdNoiseMultiplier = 20\): lower it or raise train\.batchSize; otherwise lower the learning rate$/,
    );
  });

  it('blames a model-poisoning attack on the plain mean once it has started', () => {
    const scaling = { attack: { kind: 'scaling', startRound: 3 } };
    expect(stop(scaling)).toBe(
      'training diverged at round 3: test loss is NaN — likely cause: the scaling attack, which the plain mean does not ' +
        'resist (a robust aggregator.name, e.g. median, does); otherwise lower the learning rate',
    );
    expect(stop(scaling, 2)).toMatch(/— lower the learning rate$/); // not started yet
    expect(stop({ ...scaling, aggregator: { name: 'median' } })).toMatch(/— lower the learning rate$/);
    expect(stop({ attack: { kind: 'scaling', fraction: 0 } })).toMatch(/— lower the learning rate$/); // nobody attacks
    expect(stop({ attack: { kind: 'backdoor' } })).toMatch(/— lower the learning rate$/); // data poisoning keeps updates bounded
  });

  it('under DP, blames the noise rather than an attack: clipping bounds the attackers’ updates too', () => {
    const config = { attack: { kind: 'scaling' }, privacy: { mode: 'central', noiseMultiplier: 3 } };
    expect(stop(config)).toMatch(/— likely cause: the central DP noise \(privacy\.noiseMultiplier = 3\)/);
  });
});
