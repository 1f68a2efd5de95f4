import type { z } from 'zod';
import type { ExperimentConfig } from '../config/schema';
import type { Plugin } from '../plugin';

export type StrategyConfig = ExperimentConfig['strategy'];

/**
 * The server side of an FL algorithm: an optimizer applied to the aggregated pseudo-gradient Δ (the aggregator's
 * output), so any aggregator composes with any strategy. Instances are created per run and keep their state.
 */
export interface Strategy {
  readonly name: string;
  /**
   * x_{t+1} from the current global model x_t and the round's aggregated Δ_t (both left untouched). `round` is the
   * server round counted from 1 (Flower's `server_round`), which rounds without any update still advance.
   */
  step(global: Float32Array, delta: Float32Array, round: number): Float32Array;
  /**
   * The server state its steps accumulate (FedAvgM's velocity, FedOpt's moments; unset until the first step), read
   * through this object so that a live change of the strategy's parameters can hand it to the new instance.
   */
  readonly state?: Record<string, Float64Array | null>;
}

/** What a strategy changes in each client's local training (core/train/localTrainer.ts options). */
export interface ClientTraining {
  /** Proximal term (μ/2)‖w − w_global‖² added to the client's loss (FedProx); 0 = none. */
  proximalMu: number;
}

/** Local training as FedAvg runs it: what applies for a strategy without a `clientTraining` hook. */
export const PLAIN_CLIENT_TRAINING: Readonly<ClientTraining> = { proximalMu: 0 };

/**
 * A strategy: strategy.name selects one. `create` builds its server step (fresh state per run); the optional
 * `clientTraining` hook is its client side, read by the client runtime for every local training.
 */
export interface StrategyPlugin<Params extends z.ZodRawShape = z.ZodRawShape> extends Plugin<Params, Strategy, void> {
  /** What local training does differently under this strategy (unset fields: as FedAvg, PLAIN_CLIENT_TRAINING). */
  clientTraining?(params: z.output<z.ZodObject<Params>>): Partial<ClientTraining>;
}

/** Identity, so a plugin's `create` and hooks get its parameters' types (and its name stays a literal). */
export const defineStrategy = <const Name extends string, Params extends z.ZodRawShape>(
  plugin: StrategyPlugin<Params> & { name: Name },
) => plugin;
