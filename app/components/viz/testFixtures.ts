/**
 * Plausible fake data for the viz unit tests and visual checks only (not used by the studio): a Dirichlet-skewed
 * partition, a run's RoundMetrics with dropouts and federated evaluation, and a 2-D decision grid with blobs.
 */
import type { ClientRoundMetrics, RoundMetrics } from '../../../core/report/metrics';
import type { PartitionStats } from '../../../core/partition/types';
import { Rng } from '../../../core/rng';

export function fakePartition(numClients: number, numClasses: number, alpha: number, seed = 1): PartitionStats {
  const rng = new Rng(seed, 'viz-fixture-partition');
  const counts = Array.from({ length: numClients }, () => {
    const size = 50 + rng.int(550);
    const p = rng.dirichlet(alpha, numClasses);
    return Array.from(p, (v) => Math.round(v * size));
  });
  const sizes = counts.map((row) => row.reduce((s, c) => s + c, 0));
  const total = sizes.reduce((s, c) => s + c, 0);
  const global = Array.from({ length: numClasses }, (_, k) => counts.reduce((s, row) => s + row[k], 0) / total);
  // Hellinger distance H(p, q) = sqrt(1 − Σ sqrt(p_k q_k)).
  const hellinger = counts.map((row, i) =>
    Math.sqrt(Math.max(0, 1 - row.reduce((s, c, k) => s + Math.sqrt((sizes[i] > 0 ? c / sizes[i] : 0) * global[k]), 0))),
  );
  return { counts, sizes, hellinger, meanHellinger: hellinger.reduce((s, h) => s + h, 0) / numClients };
}

export function fakeRounds(numRounds: number, numClients: number, perRound: number, seed = 1, federated = true): RoundMetrics[] {
  const rounds: RoundMetrics[] = [
    { round: 0, testAccuracy: 0.1, testLoss: 2.31, federatedAccuracy: Number.NaN, durationMs: 0, bytesUp: 0, bytesDown: 0, clients: [] },
  ];
  for (let r = 1; r <= numRounds; r++) {
    const rng = new Rng(seed, 'viz-fixture-round', r);
    const progress = 1 - Math.exp(-r / 8);
    const clients: ClientRoundMetrics[] = rng.sampleWithoutReplacement(numClients, perRound).map((id) => {
      const dropped = rng.float() < 0.1;
      return {
        id,
        numExamples: 100 + rng.int(400),
        trainLoss: dropped ? Number.NaN : 2.3 * (1 - progress) + 0.2 + 0.1 * rng.float(),
        localAccuracy: dropped || !federated ? Number.NaN : Math.min(1, 0.1 + 0.8 * progress + 0.15 * (rng.float() - 0.5)),
        updateNorm: dropped ? Number.NaN : 3 * Math.exp(-r / 15) + 0.5 * rng.float(),
        dropped,
        straggler: false,
      };
    });
    const reported = clients.filter((c) => !c.dropped);
    const weight = reported.reduce((s, c) => s + c.numExamples, 0);
    rounds.push({
      round: r,
      testAccuracy: 0.1 + 0.82 * progress,
      testLoss: 2.3 * (1 - progress) + 0.25,
      federatedAccuracy: federated ? reported.reduce((s, c) => s + c.localAccuracy * c.numExamples, 0) / weight : Number.NaN,
      durationMs: 800 + 400 * rng.float(),
      bytesUp: reported.length * 407_080,
      bytesDown: clients.length * 407_080,
      clients,
    });
  }
  return rounds;
}

export interface FakeBoundary {
  grid: Float32Array;
  resolution: number;
  numClasses: number;
  box: { xMin: number; xMax: number; yMin: number; yMax: number };
  points: Float32Array;
  labels: Int32Array;
}

/** Softmax of distances to class centres on a grid, plus Gaussian blobs around those centres. */
export function fakeBoundary(resolution: number, numClasses: number, numPoints: number, seed = 1): FakeBoundary {
  const box = { xMin: -3, xMax: 3, yMin: -3, yMax: 3 };
  const centres = Array.from({ length: numClasses }, (_, k) => [2 * Math.cos((2 * Math.PI * k) / numClasses), 2 * Math.sin((2 * Math.PI * k) / numClasses)]);
  const grid = new Float32Array(resolution * resolution * numClasses);
  for (let r = 0; r < resolution; r++) {
    const y = box.yMin + ((r + 0.5) / resolution) * (box.yMax - box.yMin);
    for (let c = 0; c < resolution; c++) {
      const x = box.xMin + ((c + 0.5) / resolution) * (box.xMax - box.xMin);
      const logits = centres.map(([cx, cy]) => -1.5 * Math.hypot(x - cx, y - cy));
      const m = Math.max(...logits);
      const e = logits.map((l) => Math.exp(l - m));
      const z = e.reduce((s, v) => s + v, 0);
      e.forEach((v, k) => (grid[(r * resolution + c) * numClasses + k] = v / z));
    }
  }
  const rng = new Rng(seed, 'viz-fixture-points');
  const points = new Float32Array(2 * numPoints);
  const labels = new Int32Array(numPoints);
  for (let i = 0; i < numPoints; i++) {
    const k = rng.int(numClasses);
    labels[i] = k;
    points[2 * i] = centres[k][0] + 0.7 * rng.normal();
    points[2 * i + 1] = centres[k][1] + 0.7 * rng.normal();
  }
  return { grid, resolution, numClasses, box, points, labels };
}

/** One round with no clients: `round` and its test accuracy, the rest neutral (and `extra` on top). */
export function plainRound(round: number, testAccuracy: number, extra: Partial<RoundMetrics> = {}): RoundMetrics {
  return { round, testAccuracy, testLoss: 1, federatedAccuracy: NaN, durationMs: 1, bytesUp: 0, bytesDown: 0, clients: [], ...extra };
}
