// The studio's live change (coordinator.change): one change applied to every engine of the session — one run, or
// each variant of a multi-config run — from the same round, all or none.
import { withChange } from '../core/config/schedule';
import type { RoundEngine } from '../core/engine/engine';

export type ChangeResult = { ok: true; round: number } | { ok: false; message: string };

/**
 * Schedules `set` on every engine from the first round none of them has started (engines running side by side may
 * be a round apart). Every engine's resulting config is validated before any engine changes. A failure's message
 * is the ConfigError's "path: message" lines (issuesFromMessage reads them back).
 */
export function changeEngines(engines: readonly RoundEngine[], set: Record<string, unknown>): ChangeResult {
  if (engines.length === 0) return { ok: false, message: 'no run in progress: start one first' };
  try {
    const round = Math.max(...engines.map((e) => e.nextRound));
    for (const engine of engines) withChange(engine.config, round, set);
    for (const engine of engines) engine.change(set, round);
    return { ok: true, round };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
