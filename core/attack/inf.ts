import { defineAttack } from './types';

/**
 * Infinity (ByzFL's Inf): every coordinate of the update is +∞. The weighted mean and the rules built on sums over
 * all updates (geometric median, centered clipping, NNM) turn it into a non-finite aggregate, and the run ends as
 * diverged naming this attack; median, trimmed mean (b ≥ attackers), Krum, Multi-Krum, Bulyan and norm bounding drop it.
 */
export const inf = defineAttack({
  name: 'inf',
  label: 'Infinity (+∞ update)',
  help: 'Send +∞ in every coordinate, the crudest Byzantine update: the plain mean fails at once, robust rules must drop it (ByzFL’s Inf).',
  params: {},
  unbounded: true,
  forge: (own) => new Float32Array(own.length).fill(Infinity),
});
