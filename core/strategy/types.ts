import type { ExperimentConfig, StrategyName } from '../config/schema';

export type StrategyConfig = ExperimentConfig['strategy'];

/**
 * The server side of an FL algorithm: an optimizer applied to the aggregated pseudo-gradient Δ (the aggregator's
 * output), so any aggregator composes with any strategy. Instances are created per run and keep their state.
 */
export interface Strategy {
  readonly name: StrategyName;
  /**
   * x_{t+1} from the current global model x_t and the round's aggregated Δ_t (both left untouched). `round` is the
   * server round counted from 1 (Flower's `server_round`), which rounds without any update still advance.
   */
  step(global: Float32Array, delta: Float32Array, round: number): Float32Array;
}
