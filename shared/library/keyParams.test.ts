import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../core/config/schema';
import { keyParams } from './keyParams';

describe('keyParams', () => {
  it('names the aggregator behind the pre-aggregators switched on, in the order they wrap it', () => {
    const label = (aggregator: object) => keyParams(parseConfig({ sampling: { fraction: 1 }, aggregator })).aggregator;
    expect(label({ name: 'krum', f: 1 })).toBe('krum');
    expect(label({ name: 'krum', f: 1, nnm: true })).toBe('nnm+krum');
    expect(label({ name: 'median', f: 1, bucketing: true, arc: true, nnm: true })).toBe('arc+nnm+bucketing+median');
  });
});
