/**
 * Chart series derived from `RoundMetrics[]` (ascending by round). Non-finite values become `null` (a gap) or are
 * skipped, so nothing downstream ever formats a NaN.
 */
import type { ClientRoundMetrics, RoundMetrics } from '../../../core/report/metrics';
import { isFiniteNumber } from './format';

const orNull = (v: number): number | null => (Number.isFinite(v) ? v : null);

export interface AccuracyPoint {
  round: number;
  testAccuracy: number | null;
  federatedAccuracy: number | null;
  /** Attack runs with a target: backdoor or targeted label-flip success; null otherwise. */
  attackSuccess: number | null;
}

export function accuracySeries(rounds: readonly RoundMetrics[]): AccuracyPoint[] {
  return rounds.map((r) => ({
    round: r.round,
    testAccuracy: orNull(r.testAccuracy),
    federatedAccuracy: orNull(r.federatedAccuracy),
    attackSuccess: orNull(r.attackSuccess ?? Number.NaN),
  }));
}

export interface LossPoint {
  round: number;
  testLoss: number;
}

/** Rounds with a finite test loss (a diverged round is left out, the line joins its neighbours). */
export function lossSeries(rounds: readonly RoundMetrics[]): LossPoint[] {
  return rounds.filter((r) => Number.isFinite(r.testLoss)).map((r) => ({ round: r.round, testLoss: r.testLoss }));
}

/** Median of values already sorted ascending (even count: mean of the two middle ones). */
export function sortedMedian(sorted: readonly number[]): number {
  if (sorted.length === 0) throw new Error('sortedMedian: no values');
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Clients that trained this round and reported (dropped clients send nothing). */
const reported = (r: RoundMetrics): ClientRoundMetrics[] => r.clients.filter((c) => !c.dropped);

export interface SpreadPoint {
  round: number;
  min: number;
  median: number;
  max: number;
  /** [min, max], the shape recharts wants for a ranged area. */
  range: [number, number];
  clients: number;
}

/** Per round, min–median–max of the reporting clients' localAccuracy; rounds without one finite value are skipped. */
export function spreadSeries(rounds: readonly RoundMetrics[]): SpreadPoint[] {
  const out: SpreadPoint[] = [];
  for (const r of rounds) {
    const acc = reported(r)
      .map((c) => c.localAccuracy)
      .filter(isFiniteNumber)
      .sort((a, b) => a - b);
    if (acc.length === 0) continue;
    const min = acc[0];
    const max = acc[acc.length - 1];
    out.push({ round: r.round, min, median: sortedMedian(acc), max, range: [min, max], clients: acc.length });
  }
  return out;
}

/** One reporting client's value in one round; `malicious` as the engine flagged it (false in runs without attack). */
export interface ClientPoint {
  round: number;
  value: number;
  id: number;
  malicious: boolean;
}

/** Which per-client number a client scatter shows. */
export type ClientMetric = 'updateNorm' | 'cosineToAggregate';

/** The finite values of `metric` of every reporting client in every round. */
export function clientPoints(rounds: readonly RoundMetrics[], metric: ClientMetric): ClientPoint[] {
  const out: ClientPoint[] = [];
  for (const r of rounds) {
    for (const c of reported(r)) {
      const value = c[metric];
      if (isFiniteNumber(value)) out.push({ round: r.round, value, id: c.id, malicious: c.malicious === true });
    }
  }
  return out;
}

export interface BytesPoint {
  round: number;
  up: number | null;
  down: number | null;
}

/** Rounds ≥ 1 (round 0 moves no bytes). */
export function bytesSeries(rounds: readonly RoundMetrics[]): BytesPoint[] {
  return rounds.filter((r) => r.round >= 1).map((r) => ({ round: r.round, up: orNull(r.bytesUp), down: orNull(r.bytesDown) }));
}

export interface TimePoint {
  round: number;
  seconds: number;
}

/** Rounds ≥ 1 with a finite duration. */
export function timeSeries(rounds: readonly RoundMetrics[]): TimePoint[] {
  return rounds
    .filter((r) => r.round >= 1 && isFiniteNumber(r.durationMs))
    .map((r) => ({ round: r.round, seconds: r.durationMs / 1000 }));
}

export interface ClientHistoryPoint {
  round: number;
  localAccuracy: number;
}

export interface ClientHistory {
  /** Rounds in which the client was sampled (dropped or not). */
  sampled: number;
  dropped: number;
  /** Rounds with a finite localAccuracy reported by this client. */
  points: ClientHistoryPoint[];
}

export function clientHistory(rounds: readonly RoundMetrics[], id: number): ClientHistory {
  const history: ClientHistory = { sampled: 0, dropped: 0, points: [] };
  for (const r of rounds) {
    const c = r.clients.find((m) => m.id === id);
    if (!c) continue;
    history.sampled++;
    if (c.dropped) history.dropped++;
    else if (isFiniteNumber(c.localAccuracy)) history.points.push({ round: r.round, localAccuracy: c.localAccuracy });
  }
  return history;
}

export interface PrivacyPoint {
  round: number;
  /** Client-level ε (central or local DP); null when off or infinite (no noise). */
  epsilon: number | null;
  /** DP-SGD ε per example; null when off or infinite. */
  exampleEpsilon: number | null;
}

/** ε spent after each round, for the rounds that report one. */
export function privacySeries(rounds: readonly RoundMetrics[]): PrivacyPoint[] {
  return rounds
    .filter((r) => r.epsilon !== undefined || r.exampleEpsilon !== undefined)
    .map((r) => ({ round: r.round, epsilon: orNull(r.epsilon ?? NaN), exampleEpsilon: orNull(r.exampleEpsilon ?? NaN) }));
}

/** Client-level ε when the run has client-level DP, else DP-SGD's ε per example. */
export function spentEpsilon(r: RoundMetrics): number | undefined {
  return r.epsilon ?? r.exampleEpsilon;
}
