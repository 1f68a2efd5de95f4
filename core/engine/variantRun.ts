// The variants of a run side by side: one RoundEngine per config, each on its own context of one shared executor pool
// (WorkerPoolExecutor.context), all running at once so their client tasks interleave on the pool's queue. Every
// engine's numbers depend only on its config (seeded sampling, tasks returned in task order), so each variant equals
// a run of its config alone.
import type { ExperimentConfig } from '../config/schema';
import { RoundEngine, type RoundEngineOptions, type RunFinishedEvent } from './engine';
import type { EngineEvent } from './events';
import type { Executor } from './executor';

/** What serves the variants: an executor per context (variant index). */
export interface ContextPool {
  context(k: number): Executor;
}

export type VariantListener = (variant: number, event: EngineEvent) => void;

export class VariantRun {
  /** One engine per config, base first (index = variant = pool context). */
  readonly engines: readonly RoundEngine[];

  constructor(configs: readonly ExperimentConfig[], pool: ContextPool, options: RoundEngineOptions = {}) {
    if (configs.length === 0) throw new Error('VariantRun: give at least one config');
    this.engines = configs.map((config, k) => new RoundEngine(config, pool.context(k), options));
  }

  /** Subscribes to every engine's events, tagged with the variant; returns the unsubscribe function. */
  on(listener: VariantListener): () => void {
    const offs = this.engines.map((engine, k) => engine.on((event) => listener(k, event)));
    return () => offs.forEach((off) => off());
  }

  /** Starts (or resumes) every variant; resolves when all have ended, with each one's end (base first). */
  run(): Promise<RunFinishedEvent[]> {
    return Promise.all(this.engines.map((engine) => engine.run()));
  }

  /** One more round of every variant, then each pauses. */
  async step(): Promise<void> {
    await Promise.all(this.engines.map((engine) => engine.step()));
  }

  pause(): void {
    for (const engine of this.engines) engine.pause();
  }

  stop(): void {
    for (const engine of this.engines) engine.stop();
  }
}
