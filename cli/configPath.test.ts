import { describe, expect, it } from 'vitest';
import { applySet } from './configPath';

describe('--set path=value', () => {
  it('sets nested fields, creating missing sections, parsing JSON values', () => {
    const config: Record<string, unknown> = { train: { lr: 0.1 } };
    applySet(config, 'train.lr=0.5');
    applySet(config, 'model.hidden=[64,32]');
    applySet(config, 'evaluation.federated=false');
    applySet(config, 'partition.method=dirichlet');
    applySet(config, 'name=a=b');
    expect(config).toEqual({
      train: { lr: 0.5 },
      model: { hidden: [64, 32] },
      evaluation: { federated: false },
      partition: { method: 'dirichlet' },
      name: 'a=b',
    });
  });

  it('names an unknown path and lists the valid fields', () => {
    expect(() => applySet({}, 'train.learningRate=1')).toThrow(
      '--set train.learningRate: unknown config field "train.learningRate" (fields of "train": optimizer, lr, momentum, localEpochs, batchSize)',
    );
    expect(() => applySet({}, 'trian.lr=1')).toThrow('unknown config field "trian" (fields of the config: version, name,');
  });

  it('rejects paths below a leaf and malformed assignments', () => {
    expect(() => applySet({}, 'rounds.max=3')).toThrow('config field "rounds" has no sub-fields');
    expect(() => applySet({}, 'train.lr')).toThrow('expected path=value');
    expect(() => applySet({}, '=3')).toThrow('expected path=value');
    expect(() => applySet({ train: 3 }, 'train.lr=1')).toThrow('"train" in the config file is not an object');
  });
});
