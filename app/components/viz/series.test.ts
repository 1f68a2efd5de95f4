import { describe, expect, it } from 'vitest';
import type { ClientRoundMetrics, RoundMetrics } from '../../../core/report/metrics';
import { accuracySeries, bytesSeries, clientHistory, clientPoints, lossSeries, privacySeries, sortedMedian, spentEpsilon, spreadSeries, timeSeries } from './series';

const client = (id: number, localAccuracy: number, dropped = false, updateNorm = 1): ClientRoundMetrics => ({
  id,
  numExamples: 10,
  trainLoss: 1,
  localAccuracy,
  updateNorm,
  dropped,
  straggler: false,
});

const round = (r: number, clients: ClientRoundMetrics[], extra: Partial<RoundMetrics> = {}): RoundMetrics => ({
  round: r,
  testAccuracy: 0.5,
  testLoss: 1,
  federatedAccuracy: Number.NaN,
  durationMs: 1500,
  bytesUp: 100,
  bytesDown: 200,
  clients,
  ...extra,
});

describe('series', () => {
  it('median of odd and even counts', () => {
    expect(sortedMedian([1, 5, 9])).toBe(5);
    expect(sortedMedian([0.2, 0.4, 0.6, 0.8])).toBeCloseTo(0.5, 12);
    expect(() => sortedMedian([])).toThrow(/no values/);
  });

  it('spread skips NaN and dropped clients and rounds with nothing to show', () => {
    const rounds = [
      round(0, []),
      round(1, [client(0, 0.5), client(1, Number.NaN), client(2, 0.9), client(3, 0.7), client(4, 0.1, true)]),
      round(2, [client(0, Number.NaN)]),
    ];
    expect(spreadSeries(rounds)).toEqual([{ round: 1, min: 0.5, median: 0.7, max: 0.9, range: [0.5, 0.9], clients: 3 }]);
  });

  it('accuracy series turns non-finite values into gaps', () => {
    const s = accuracySeries([
      round(0, [], { testAccuracy: Number.NaN }),
      round(1, [], { federatedAccuracy: 0.6, attackSuccess: 0.25 }),
      round(2, [], { attackSuccess: Number.NaN }),
    ]);
    expect(s).toEqual([
      { round: 0, testAccuracy: null, federatedAccuracy: null, attackSuccess: null },
      { round: 1, testAccuracy: 0.5, federatedAccuracy: 0.6, attackSuccess: 0.25 },
      { round: 2, testAccuracy: 0.5, federatedAccuracy: null, attackSuccess: null },
    ]);
  });

  it('loss series leaves out rounds without a finite loss', () => {
    const s = lossSeries([round(0, [], { testLoss: 2.3 }), round(1, [], { testLoss: Infinity }), round(2, [], { testLoss: 0.7 })]);
    expect(s).toEqual([
      { round: 0, testLoss: 2.3 },
      { round: 2, testLoss: 0.7 },
    ]);
  });

  it('bytes and time skip round 0', () => {
    const rounds = [round(0, []), round(1, [], { bytesDown: Number.NaN }), round(2, [], { durationMs: Number.NaN })];
    expect(bytesSeries(rounds)).toEqual([
      { round: 1, up: 100, down: null },
      { round: 2, up: 100, down: 200 },
    ]);
    expect(timeSeries(rounds)).toEqual([{ round: 1, seconds: 1.5 }]);
  });

  it('client points leave out dropped clients and NaN values', () => {
    const rounds = [round(1, [client(3, 0.5, false, 2.5), client(4, 0.5, true, 9), client(5, 0.5, false, Number.NaN)])];
    expect(clientPoints(rounds, 'updateNorm')).toEqual([{ round: 1, value: 2.5, id: 3, malicious: false }]);
    expect(clientPoints(rounds, 'cosineToAggregate')).toEqual([]);
  });

  it('client points carry the malicious flag and the cosine to the aggregate', () => {
    const rounds = [
      round(2, [
        { ...client(0, 0.5), cosineToAggregate: 0.9, malicious: false },
        { ...client(1, 0.5), cosineToAggregate: -0.8, malicious: true },
        { ...client(2, 0.5), cosineToAggregate: Number.NaN, malicious: true },
      ]),
    ];
    expect(clientPoints(rounds, 'cosineToAggregate')).toEqual([
      { round: 2, value: 0.9, id: 0, malicious: false },
      { round: 2, value: -0.8, id: 1, malicious: true },
    ]);
  });

  it('client history counts samples and drops and keeps finite accuracies', () => {
    const rounds = [
      round(0, []),
      round(1, [client(3, 0.6)]),
      round(2, [client(3, 0.9, true)]),
      round(3, [client(3, Number.NaN), client(4, 0.2)]),
      round(4, [client(3, 0.8)]),
      round(5, [client(4, 0.3)]),
    ];
    expect(clientHistory(rounds, 3)).toEqual({
      sampled: 4,
      dropped: 1,
      points: [
        { round: 1, localAccuracy: 0.6 },
        { round: 4, localAccuracy: 0.8 },
      ],
    });
  });
});

describe('privacySeries', () => {
  it('keeps rounds that report ε; infinite ε (no noise) becomes a gap', () => {
    const rounds = [round(0, [], { epsilon: 0 }), round(1, [], { epsilon: 1.5, exampleEpsilon: 3 }), round(2, [], { epsilon: Infinity })];
    expect(privacySeries(rounds)).toEqual([
      { round: 0, epsilon: 0, exampleEpsilon: null },
      { round: 1, epsilon: 1.5, exampleEpsilon: 3 },
      { round: 2, epsilon: null, exampleEpsilon: null },
    ]);
    expect(privacySeries([round(0, [])])).toEqual([]);
    expect(spentEpsilon(round(1, [], { exampleEpsilon: 3 }))).toBe(3);
    expect(spentEpsilon(rounds[1])).toBe(1.5);
  });
});
