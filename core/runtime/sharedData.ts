// The loaded train/test split, shared by the ClientRuntimes of one worker (one per variant): variants that differ only
// in, say, the aggregator use the same (seed, data) and must not hold one copy of MNIST each.
import type { DataSplit } from '../data/types';

export class SharedData {
  private readonly splits = new Map<string, Promise<DataSplit>>();

  /** The split of `key` (JSON of [seed, data]), loaded once by `load`; a failed load is forgotten so it can be retried. */
  get(key: string, load: () => Promise<DataSplit>): Promise<DataSplit> {
    let split = this.splits.get(key);
    if (!split) {
      split = load();
      split.catch(() => this.splits.delete(key));
      this.splits.set(key, split);
    }
    return split;
  }

  /** Forgets every split whose key is not in `inUse` (a variant that moved on frees its data). */
  retain(inUse: Iterable<string>): void {
    const keep = new Set(inUse);
    for (const key of [...this.splits.keys()]) if (!keep.has(key)) this.splits.delete(key);
  }

  get size(): number {
    return this.splits.size;
  }
}
