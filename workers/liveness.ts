// How long a worker may stay silent before the pool presumes it dead. A worker that crashes or exits says so (error
// and exit events); one that is closed, frozen or killed without a word (a browser under memory pressure, a lost
// message) only shows by not answering, so every call has a budget scaled to its work.

export interface LivenessOptions {
  /**
   * Budget of a worker's first call of each kind (its start-up: data, partition, model; its first training call also
   * compiles kernels) and of any call whose kind has no measured rate yet.
   */
  startMs: number;
  /** A call may take `factor` × the slowest time per unit of work seen recently for its kind … */
  factor: number;
  /** … but never less than `minMs` (a loaded machine can be many times slower for a while). */
  minMs: number;
}

export const DEFAULT_LIVENESS: LivenessOptions = { startMs: 120_000, factor: 10, minMs: 10_000 };

/** Recent observations per kind of call that set the budget. */
const WINDOW = 32;

/** Per kind of call ('train', 'evaluate', …): recent milliseconds per unit of work, and the budget they imply. */
export class WorkRates {
  private readonly recent = new Map<string, number[]>();

  constructor(readonly options: LivenessOptions = DEFAULT_LIVENESS) {}

  /** Milliseconds a call of `kind` costing `units` may run before its worker is presumed dead. */
  budget(kind: string, units: number): number {
    const seen = this.recent.get(kind);
    if (!seen) return this.options.startMs;
    const { factor, minMs } = this.options;
    return Math.max(minMs, factor * Math.max(...seen) * Math.max(units, 1));
  }

  observe(kind: string, units: number, ms: number): void {
    const seen = this.recent.get(kind) ?? [];
    seen.push(ms / Math.max(units, 1));
    if (seen.length > WINDOW) seen.shift();
    this.recent.set(kind, seen);
  }

  /** Rates belong to one configuration (model and data sizes): forget them (those of `kinds`) when it changes. */
  reset(kinds: (kind: string) => boolean = () => true): void {
    for (const kind of [...this.recent.keys()]) if (kinds(kind)) this.recent.delete(kind);
  }
}
