import { describe, expect, it } from 'vitest';
import { byteAxis, logAxis, roundTicks, valueAxis } from './axisTicks';

describe('roundTicks', () => {
  it('puts integer ticks on a 1-2-5 step inside the range', () => {
    expect(roundTicks(1, 40)).toEqual([10, 20, 30, 40]);
    expect(roundTicks(1, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(roundTicks(3, 3)).toEqual([3]);
  });
});

describe('byteAxis', () => {
  it('chooses one unit from the maximum and round ticks in it', () => {
    // 3.9 MiB → MiB; 3.9 / 4 ≈ 0.97 → step 1 → 0 … 4 MiB.
    const a = byteAxis(3.9 * 1024 * 1024);
    expect(a.ticks).toEqual([0, 1, 2, 3, 4].map((v) => v * 1024 * 1024));
    expect(a.format(a.ticks[2])).toBe('2 MiB');
    const k = byteAxis(900);
    expect(k.ticks).toEqual([0, 200, 400, 600, 800, 1000]);
    expect(k.format(400)).toBe('400 B');
    expect(byteAxis(1536).format(1536)).toBe('1.5 KiB');
  });
});

describe('valueAxis', () => {
  it('labels ticks with as many decimals as the step needs', () => {
    // 2.28 … 2.31, 4 ticks → raw step 0.0075 → 0.01 → 2.28 … 2.31.
    const loss = valueAxis(2.28, 2.31);
    expect(loss.ticks.map(loss.format)).toEqual(['2.28', '2.29', '2.30', '2.31']);
    // 0 … 1.1 s from zero: raw step 0.275 → 2.75 × 0.1 → 2 × 0.1.
    const time = valueAxis(0.8, 1.1, { fromZero: true, suffix: ' s' });
    expect(time.ticks.map(time.format)).toEqual(['0.0 s', '0.2 s', '0.4 s', '0.6 s', '0.8 s', '1.0 s', '1.2 s']);
    expect(time.domain).toEqual([0, 1.2]);
    expect(valueAxis(0, 40).format(20)).toBe('20');
  });

  it('labels huge values compactly, still telling neighbouring ticks apart (issue 14, bug 3: "00000")', () => {
    // A diverging run: loss from 2.3 to 1.9e8.
    const exploded = valueAxis(2.3, 1.9e8, { count: 3 });
    expect(exploded.ticks.map(exploded.format)).toEqual(['0', '50M', '100M', '150M', '200M']);
    const far = valueAxis(0, 2.4e17, { count: 3 });
    expect(far.ticks.map(far.format)).toEqual(['0', '1e17', '2e17', '3e17']);
    // A narrow range at a large magnitude keeps the digits that differ.
    const narrow = valueAxis(12_340, 12_370, { count: 3 });
    expect(narrow.ticks.map(narrow.format)).toEqual(['12.34K', '12.35K', '12.36K', '12.37K']);
  });
});

describe('logAxis', () => {
  it('puts ticks at powers of ten covering the range', () => {
    const a = logAxis(0.3, 1.9e8);
    expect(a.domain).toEqual([0.1, 1e9]);
    expect(a.ticks.map(a.format)).toEqual(['0.1', '10', '1000', '1e5', '1e7', '1e9']);
  });

  it('spans at least one decade and tolerates a non-positive minimum', () => {
    expect(logAxis(2, 3).ticks).toEqual([1, 10]);
    expect(logAxis(0, 50).ticks).toEqual([1, 10, 100]);
    expect(logAxis(0.05, 0.8).ticks.map(logAxis(0.05, 0.8).format)).toEqual(['0.01', '0.1', '1']);
  });
});
