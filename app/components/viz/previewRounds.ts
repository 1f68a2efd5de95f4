import type { ClientRoundMetrics, RoundMetrics } from '../../../core/report/metrics';

const PREVIEW_ROUND_COUNT = 5;

const previewClient = (round: number, id: number): ClientRoundMetrics => ({
  id,
  numExamples: 100,
  trainLoss: 1 / round,
  localAccuracy: 0.5 + 0.1 * round - 0.05 * id,
  updateNorm: 1 / round,
  dropped: false,
  straggler: false,
});

/**
 * What a live chart plots while it is empty, hidden under its empty-state message (ChartFrame). recharts pays most for
 * the first data a chart gets: mounting the line paths, ticks and grid lines and running those code paths for the first
 * time is one long main-thread task. Plotted before a run, that cost falls at page load; a run's rounds then only
 * update elements already there. Every optional series has a value so every line is mounted. Never shown.
 */
export const PREVIEW_ROUNDS: readonly RoundMetrics[] = Array.from({ length: PREVIEW_ROUND_COUNT }, (_, round) => ({
  round,
  testAccuracy: 0.1 + 0.2 * round,
  testLoss: 2.3 / (round + 1),
  federatedAccuracy: round === 0 ? Number.NaN : 0.15 + 0.2 * round,
  attackSuccess: 0.1 * round,
  durationMs: 200,
  bytesUp: round === 0 ? 0 : 100_000,
  bytesDown: round === 0 ? 0 : 100_000,
  clients: round === 0 ? [] : [0, 1, 2].map((id) => previewClient(round, id)),
  epsilon: 0.5 * round,
  exampleEpsilon: 0.3 * round,
}));
