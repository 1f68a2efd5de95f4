import { describe, expect, it } from 'vitest';
import type { RoundMetrics } from '../core/report/metrics';
import { metricsCsv, metricsJson, roundLine } from './report';

const round0: RoundMetrics = {
  round: 0, testAccuracy: 0.1, testLoss: 2.3, federatedAccuracy: NaN, durationMs: 120, bytesUp: 0, bytesDown: 0, clients: [],
};
const round1: RoundMetrics = {
  round: 1, testAccuracy: 0.8125, testLoss: 0.61234, federatedAccuracy: 0.5, durationMs: 2345, bytesUp: 40, bytesDown: 80,
  clients: [
    { id: 3, numExamples: 10, trainLoss: 0.7, localAccuracy: 0.5, updateNorm: 2, dropped: false, straggler: false },
    { id: 5, numExamples: 12, trainLoss: NaN, localAccuracy: NaN, updateNorm: NaN, dropped: true, straggler: false },
    { id: 8, numExamples: 9, trainLoss: 0.6, localAccuracy: 0.5, updateNorm: 4, dropped: false, straggler: true },
  ],
};

describe('run output', () => {
  it('prints one aligned line per round', () => {
    expect(roundLine(round1)).toBe('    1    0.8125     0.6123     2.35');
    expect(roundLine({ ...round1, note: 'every sampled client dropped out' })).toMatch(/2\.35 {2}\(every sampled client dropped out\)$/);
    expect(roundLine({ ...round1, changes: { 'aggregator.name': 'median', 'attack.fraction': 0.4 } })).toBe(
      '    1    0.8125     0.6123     2.35  changed aggregator.name=median, attack.fraction=0.4',
    );
  });

  it('writes CSV rows with empty cells for undefined values', () => {
    expect(metricsCsv([round0, round1]).split('\n')).toEqual([
      'round,test_accuracy,test_loss,federated_accuracy,duration_ms,bytes_up,bytes_down,sampled,dropped,mean_update_norm',
      '0,0.1,2.3,,120,0,0,0,0,',
      '1,0.8125,0.61234,0.5,2345,40,80,3,1,3',
      '',
    ]);
  });

  it('adds the attack success to the line and an attack_success column when a targeted attack ran', () => {
    expect(roundLine({ ...round1, attackSuccess: 0.25 })).toBe('    1    0.8125     0.6123     2.35  attack success 0.2500');
    const csv = metricsCsv([{ ...round0, attackSuccess: 0.5 }, round1]).split('\n');
    expect(csv[0]).toMatch(/,mean_update_norm,attack_success$/);
    expect(csv.slice(1, 3)).toEqual(['0,0.1,2.3,,120,0,0,0,0,,0.5', '1,0.8125,0.61234,0.5,2345,40,80,3,1,3,']);
  });

  it('writes ε as the studio does: three significant digits, ∞ without noise', () => {
    expect(roundLine({ ...round1, epsilon: 2.1078, exampleEpsilon: Infinity })).toBe(
      '    1    0.8125     0.6123     2.35  ε 2.11  ε/example ∞',
    );
  });

  it('writes NaN as null in the metrics JSON', () => {
    const json = JSON.parse(metricsJson({ config: {} as never, environment: { backend: 'wasm', simd: true, workers: 2, runtime: 'node' }, rounds: [round0] }));
    expect(json.rounds[0].federatedAccuracy).toBeNull();
  });
});
