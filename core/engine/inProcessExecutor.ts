// An Executor that runs every client on one ClientRuntime in this thread, one after another (tests, simple use).
import type { ExperimentConfig } from '../config/schema';
import type { AssetLoader } from '../data/types';
import type { PartitionStats } from '../partition/types';
import { ClientRuntime } from '../runtime/clientRuntime';
import type { BackendOptions } from '../tf/backend';
import type { ClientTask, ClientUpdate, EvalResult, Executor, RuntimeInfo, TrainResult } from './executor';

export class InProcessExecutor implements Executor {
  private readonly runtime = new ClientRuntime();

  constructor(
    private readonly loadAsset: AssetLoader,
    private readonly backend?: BackendOptions,
  ) {}

  async prepare(config: ExperimentConfig): Promise<RuntimeInfo & { workers: number }> {
    const info = await this.runtime.init({ config, loadAsset: this.loadAsset, backend: this.backend });
    return { ...info, workers: 1 };
  }

  async initialWeights(): Promise<Float32Array> {
    return this.runtime.initialWeights();
  }

  async partitionStats(): Promise<PartitionStats> {
    return this.runtime.partitionStats();
  }

  async train(tasks: ClientTask[], onDone?: (update: ClientUpdate) => void): Promise<TrainResult> {
    const updates: ClientUpdate[] = [];
    for (const task of tasks) {
      const update = await this.runtime.train(task);
      updates.push(update);
      onDone?.(update);
    }
    return { updates, retried: [], lost: [] };
  }

  async evaluate(weights: Float32Array): Promise<EvalResult> {
    return this.runtime.evaluate(weights);
  }

  async attackSuccess(weights: Float32Array): Promise<number> {
    return this.runtime.attackSuccess(weights);
  }

  async dispose(): Promise<void> {
    this.runtime.dispose();
  }
}
