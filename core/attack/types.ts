import type { ExperimentConfig } from '../config/schema';

export type AttackConfig = ExperimentConfig['attack'];

/** What a model-poisoning attack knows when it forges a malicious client's update. */
export interface ModelAttackContext {
  seed: number;
  round: number;
  /** Number of updates aggregated this round (honest + malicious). */
  numUpdates: number;
  /** Number of malicious updates this round. */
  numMalicious: number;
  /** The honest clients' updates of the round (omniscient attacks only; the attacker's own honest updates if none). */
  honest: readonly Float32Array[];
  /** Server learning rate η of the strategy (model replacement's γ = n/η). */
  serverLr: number;
  attack: AttackConfig;
}

/** Forges the update a malicious client sends, from the update it computed honestly (`own`). */
export interface ModelAttack {
  /** Sees the round's honest updates (ALIE, IPM, omniscient sign flip), as in their papers. */
  omniscient(attack: AttackConfig): boolean;
  forge(own: Float32Array, clientId: number, ctx: ModelAttackContext): Float32Array;
}
