// Test helper: small, hand-checkable runs in the RunMetrics format.
import { parseConfig, type ExperimentConfigInput } from '../../core/config/schema';
import type { RoundMetrics, RunMetrics } from '../../core/report/metrics';

/** Round r: test accuracy `accuracies[r]`, loss 1 − accuracy, two clients (one dropped from round 1 on). */
export function sampleRounds(accuracies: number[]): RoundMetrics[] {
  return accuracies.map((acc, round) => ({
    round,
    testAccuracy: acc,
    testLoss: 1 - acc,
    federatedAccuracy: round === 0 ? NaN : acc - 0.05,
    durationMs: round === 0 ? 10 : 100,
    bytesUp: round === 0 ? 0 : 800,
    bytesDown: round === 0 ? 0 : 1600,
    clients:
      round === 0
        ? []
        : [
            { id: 0, numExamples: 50, trainLoss: 0.5, localAccuracy: acc, updateNorm: 2, dropped: false, straggler: false },
            { id: 3, numExamples: 40, trainLoss: NaN, localAccuracy: NaN, updateNorm: NaN, dropped: true, straggler: false },
          ],
  }));
}

export function sampleRun(config: ExperimentConfigInput = {}, accuracies = [0.1, 0.5, 0.75]): RunMetrics {
  return {
    config: parseConfig({ rounds: accuracies.length - 1, ...config }),
    environment: { backend: 'wasm', simd: true, workers: 2, runtime: 'node' },
    rounds: sampleRounds(accuracies),
  };
}
