import { describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig, type ExperimentConfigInput } from '../../core/config/schema';
import { FIELD_GROUPS } from './fields';
import { allFieldPaths, fieldInfo } from '../../core/config/fieldInfo';

describe('FIELD_GROUPS', () => {
  const specs = FIELD_GROUPS.flatMap((g) => g.fields);

  it('covers every option of the config schema exactly once', () => {
    const paths = specs.map((s) => s.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect([...paths].sort()).toEqual(allFieldPaths().sort());
  });

  it('only puts log sliders on ranges that start above zero', () => {
    for (const spec of specs.filter((s) => s.log)) {
      const { kind } = fieldInfo(spec.path);
      expect(kind.type === 'number' && kind.min > 0, spec.path).toBe(true);
    }
  });

  it('gives every enum choice a label', () => {
    for (const spec of specs) {
      const { kind } = fieldInfo(spec.path);
      if (kind.type === 'enum') expect(Object.keys(spec.choices ?? {}).sort(), spec.path).toEqual([...kind.options].sort());
    }
  });

  it('hides knobs that have no effect for the defaults (Dirichlet α under IID) and shows them when they do', () => {
    const alpha = specs.find((s) => s.path === 'partition.alpha');
    const config = defaultConfig();
    expect(alpha?.when?.(config)).toBe(false);
    expect(alpha?.when?.({ ...config, partition: { ...config.partition, method: 'dirichlet' } })).toBe(true);
  });
});

describe('disabled choices, from the rules table', () => {
  const spec = (path: string) => FIELD_GROUPS.flatMap((g) => g.fields).find((s) => s.path === path)!;
  const reason = (path: string, input: ExperimentConfigInput, value: string) => spec(path).disabledChoice?.(parseConfig(input), value);

  it('disables an option that would break a rule the config keeps, with the rule’s reason', () => {
    expect(reason('model.kind', { data: { dataset: 'moons' } }, 'cnn')).toBe('the CNN needs MNIST images');
    expect(reason('model.kind', { data: { dataset: 'moons' } }, 'logreg')).toBeUndefined();
    expect(reason('privacy.mode', { aggregator: { name: 'median' } }, 'central')).toBe(
      'central DP sums clipped updates: needs the mean aggregator',
    );
    expect(reason('privacy.mode', { aggregator: { name: 'median' } }, 'local')).toBeUndefined();
    expect(reason('secureAggregation.mode', { compression: { quantizeBits: 4 } }, 'secagg')).toBe(
      'masks every coordinate: turn compression off first',
    );
    expect(reason('compression.sparsify', { secureAggregation: { mode: 'secagg' } }, 'top-k')).toBe(
      'secure aggregation masks every coordinate',
    );
  });
});

describe('fieldInfo', () => {
  it('reads ranges, integer-ness, choices and optionality from the schema', () => {
    expect(fieldInfo('partition.alpha')).toEqual({
      path: 'partition.alpha',
      kind: { type: 'number', min: 0.001, max: 1000, integer: false },
      optional: false,
    });
    expect(fieldInfo('partition.numClients').kind).toEqual({ type: 'number', min: 1, max: 500, integer: true });
    expect(fieldInfo('strategy.serverLr').optional).toBe(true);
    expect(fieldInfo('model.hidden').kind).toEqual({ type: 'intList', min: 1, max: 1024, minItems: 1, maxItems: 4 });
    expect(fieldInfo('evaluation.federated').kind).toEqual({ type: 'boolean' });
  });

  it('names an unknown path', () => {
    expect(() => fieldInfo('partition.nope')).toThrow('unknown config field partition.nope');
  });
});
