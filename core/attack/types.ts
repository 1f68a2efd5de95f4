import type { z } from 'zod';
import type { ExperimentConfig } from '../config/schema';
import type { Dataset } from '../data/types';
import type { Plugin } from '../plugin';
import type { Trigger } from './trigger';

export type AttackConfig = ExperimentConfig['attack'];

/** What a run gives every attack besides its own parameters. */
export interface AttackEnv {
  /** The experiment seed: an attack that draws randomness takes its stream from rngFor(seed, 'attack-…', …). */
  seed: number;
}

/** What a model-poisoning attack knows of the round it forges an update in. */
export interface RoundView {
  round: number;
  /** Number of updates aggregated this round (honest + malicious). */
  numUpdates: number;
  /** Number of malicious updates this round. */
  numMalicious: number;
  /** The honest clients' updates of the round in client-id order (omniscient attacks only; the attacker's own honest updates if none). */
  honest: readonly Float32Array[];
  /** Server learning rate η of the strategy (model replacement's γ = n/η). */
  serverLr: number;
  /**
   * The configured aggregator (behind its pre-aggregators) applied to this round's updates with every malicious one
   * replaced by `byzantine`: what the server would compute if the attackers all sent it (omniscient attacks only).
   */
  aggregate?(byzantine: Float32Array): Float32Array;
}

/** What an attack's hooks are given: its own parameters as `attack` (read as in the config: attack.ipmEpsilon) and the run's. */
export type AttackContext<P = AttackConfig> = AttackEnv & { attack: P };

/** What a model-poisoning attack knows when it forges a malicious client's update. */
export type ModelAttackContext<P = AttackConfig> = AttackContext<P> & RoundView;

/** A malicious client's own copy of its training examples (feature skew applied), which data poisoning edits in place. */
export interface ClientExamples {
  /** count × featureSize features, row-major. */
  x: Float32Array;
  y: Int32Array;
  count: number;
  /** The dataset they were copied from: its shape and classes. */
  data: Dataset;
}

/**
 * How attack success is measured on the server's test set: the test inputs whose true label passes `keep`, stamped
 * with `trigger` if any, labelled `target`; accuracy on that set is the success rate.
 */
export interface SuccessTest {
  target: number;
  keep(label: number): boolean;
  trigger?: Trigger;
}

/** The hooks an attack plugin may have, given its own parameters P. */
export interface AttackHooks<P> {
  /** Sees the round's honest updates (ALIE, IPM, omniscient sign flip), as in their papers. */
  omniscient?(attack: P): boolean;
  /** Data poisoning: edits a malicious client's copy of its examples before it trains on them. */
  poisonData?(examples: ClientExamples, clientId: number, ctx: AttackContext<P>): void;
  /** Model poisoning: the update a malicious client sends instead of `own`, the one it computed honestly. */
  forge?(own: Float32Array, clientId: number, ctx: ModelAttackContext<P>): Float32Array;
  /** Targeted attacks: the test set attack success is measured on (`train` is the training set); null: none. */
  successTest?(train: Dataset, attack: P): SuccessTest | null;
}

/** The hooks' view of the parameters (an attack without any is given the section as it is). */
type ParamsOf<Params extends z.ZodRawShape> = [keyof Params] extends [never] ? object : z.output<z.ZodObject<Params>>;

/** An attack bound to its parameters and the run (what the plugin's create returns). */
export interface Attack {
  readonly name: string;
  readonly omniscient: boolean;
  poisonData?(examples: ClientExamples, clientId: number): void;
  forge?(own: Float32Array, clientId: number, round: RoundView): Float32Array;
  successTest?(train: Dataset): SuccessTest | null;
}

/** An attack: attack.kind selects one; its parameters sit flat in the attack section beside fraction, count, startRound. */
export interface AttackPlugin<Params extends z.ZodRawShape = z.ZodRawShape>
  extends Plugin<Params, Attack, AttackEnv>,
    AttackHooks<ParamsOf<Params>> {
  /**
   * Its forged updates have no bound (a scale, noise or +∞): when a run under the plain mean diverges, the message
   * names this attack as the likely cause.
   */
  readonly unbounded?: boolean;
}

/**
 * An attack plugin from its descriptor and hooks; `create` binds the hooks to the parameters and the run. Identity
 * otherwise, so the hooks get its parameters' types and stay callable directly (tests pass a whole attack section).
 */
export function defineAttack<const Name extends string, Params extends z.ZodRawShape, H extends AttackHooks<ParamsOf<Params>>>(
  plugin: Omit<AttackPlugin<Params>, 'create' | keyof AttackHooks<unknown>> & { name: Name } & H,
): Omit<AttackPlugin<Params>, keyof AttackHooks<unknown>> & { name: Name } & H {
  const hooks: AttackHooks<ParamsOf<Params>> = plugin;
  return {
    ...plugin,
    create(attack, { seed }): Attack {
      const base = { seed, attack };
      // One context per round view, so hooks that do work once per round (the line searches) can key on it.
      let last: { round: RoundView; ctx: ModelAttackContext<ParamsOf<Params>> } | null = null;
      const ctxOf = (round: RoundView) => (last?.round === round ? last : (last = { round, ctx: { ...round, ...base } })).ctx;
      const { poisonData, forge, successTest } = hooks;
      return {
        name: plugin.name,
        omniscient: hooks.omniscient?.(attack) ?? false,
        ...(poisonData && { poisonData: (examples: ClientExamples, clientId: number) => poisonData(examples, clientId, base) }),
        ...(forge && { forge: (own: Float32Array, clientId: number, round: RoundView) => forge(own, clientId, ctxOf(round)) }),
        ...(successTest && { successTest: (train: Dataset) => successTest(train, attack) }),
      };
    },
  };
}
