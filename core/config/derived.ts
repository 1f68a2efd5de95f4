// Values the config implies but does not hold: the clients per round and the defaults that follow from it. Pure
// functions of the parsed config, read by the schema's rules, the engine, the privacy accountant and the studio.
import type { ExperimentConfig } from './schema';

type Sections<K extends keyof ExperimentConfig> = Pick<ExperimentConfig, K>;

/**
 * Clients per round, as Flower: max(floor(N · fraction_fit), min_fit_clients), at most N. The 1e-9 keeps e.g.
 * 100 · 0.29 = 28.999…96 from flooring to 28.
 */
export function clientsPerRound(cfg: Sections<'partition' | 'sampling'>): number {
  const n = cfg.partition.numClients;
  return Math.min(n, Math.max(Math.floor(n * cfg.sampling.fraction + 1e-9), cfg.sampling.minClients));
}

/**
 * σ_b of adaptive clipping: privacy.clippedCountStddev, or TFF's default 0.05 × expected clients per round when z > 0
 * and 0 when z = 0 (TFF `adaptive_clip_noise_params`: without noise the count needs none either).
 */
export function clippedCountStddev(cfg: Sections<'privacy' | 'partition' | 'sampling'>): number {
  const { clippedCountStddev: set, noiseMultiplier } = cfg.privacy;
  return set ?? (noiseMultiplier > 0 ? 0.05 * clientsPerRound(cfg) : 0);
}

/** SecAgg+ degree k: secureAggregation.neighbours, or 2·⌈log₂ n⌉ (Bell et al. 2020: k = O(log n)), at most n − 1. */
export function secAggNeighbours(cfg: Sections<'partition' | 'sampling' | 'secureAggregation'>): number {
  const n = clientsPerRound(cfg);
  return cfg.secureAggregation.neighbours ?? Math.min(n - 1, 2 * Math.ceil(Math.log2(Math.max(2, n))));
}
