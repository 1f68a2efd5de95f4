import type { WeightedUpdate } from './types';
import { byClientId } from '../math/vector';

/** Updates sorted by client id, after checking there is at least one and that all have the same size. */
export function sortedUpdates<T extends WeightedUpdate>(updates: readonly T[]): T[] {
  if (updates.length === 0) throw new Error('cannot aggregate an empty set of updates');
  const sorted = byClientId(updates);
  const dim = sorted[0].delta.length;
  for (const { clientId, delta } of sorted) {
    if (delta.length !== dim) {
      throw new Error(`client ${clientId} sent an update of size ${delta.length}, expected ${dim}`);
    }
  }
  return sorted;
}

/**
 * The round's updates as the robust rules see them: rows in client-id order, without weights. Robust aggregators
 * ignore example counts (as ByzFL does), otherwise one client could gain influence by claiming many examples.
 */
export interface UpdateSet {
  ids: number[];
  vectors: Float32Array[];
  dim: number;
}

export function toUpdateSet(updates: readonly WeightedUpdate[]): UpdateSet {
  const sorted = sortedUpdates(updates);
  return { ids: sorted.map((u) => u.clientId), vectors: sorted.map((u) => u.delta), dim: sorted[0].delta.length };
}
