import { describe, expect, it } from 'vitest';
import { formatBytes, formatCompact, formatDelta, formatDuration, formatEpsilon, formatInteger, formatNumber, formatPercent } from './format';

describe('formatters', () => {
  it('formats ε (∞ without noise) and δ as a power of ten', () => {
    expect(formatEpsilon(2.10775)).toBe('2.11');
    expect(formatEpsilon(Infinity)).toBe('∞');
    expect(formatEpsilon(undefined)).toBe('—');
    expect(formatDelta(1e-5)).toBe('1e−5');
    expect(formatDelta(0.01)).toBe('0.01');
  });

  it('formats percentages and shows a dash for missing values', () => {
    expect(formatPercent(0.8734)).toBe('87.3%');
    expect(formatPercent(1, 0)).toBe('100%');
    expect(formatPercent(Number.NaN)).toBe('—');
    expect(formatPercent(undefined)).toBe('—');
    expect(formatPercent(Infinity)).toBe('—');
  });
  it('formats bytes in binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.50 KiB');
    expect(formatBytes(150 * 1024 * 1024)).toBe('150 MiB');
    expect(formatBytes(407_080)).toBe('398 KiB');
    expect(formatBytes(Number.NaN)).toBe('—');
  });
  it('formats durations', () => {
    expect(formatDuration(340)).toBe('340 ms');
    expect(formatDuration(2410)).toBe('2.41 s');
    expect(formatDuration(65_000)).toBe('1 min 05 s');
    expect(formatDuration(Number.NaN)).toBe('—');
  });
  it('formats plain numbers with significant digits', () => {
    expect(formatNumber(0.123456)).toBe('0.123');
    expect(formatNumber(1234.5)).toBe('1,230');
    expect(formatNumber(0.0001)).toBe('1.00e-4');
    expect(formatNumber(0)).toBe('0');
    expect(formatInteger(12345.6)).toBe('12,346');
    expect(formatNumber(null)).toBe('—');
  });

  it('formats any magnitude compactly for axis ticks', () => {
    expect(formatCompact(190_000_000)).toBe('190M');
    expect(formatCompact(1.9e8, 2)).toBe('190M');
    expect(formatCompact(2500)).toBe('2.5K');
    expect(formatCompact(-2500)).toBe('-2.5K');
    expect(formatCompact(999_999)).toBe('1M');
    expect(formatCompact(3.2e12)).toBe('3.2T');
    expect(formatCompact(1.9e18)).toBe('1.9e18');
    expect(formatCompact(0.0001)).toBe('1e-4');
    expect(formatCompact(0.25)).toBe('0.25');
    expect(formatCompact(0)).toBe('0');
    expect(formatCompact(Number.NaN)).toBe('—');
  });
});
