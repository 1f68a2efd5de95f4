// Everything one worker needs to play any client: the data (loaded once), the partition (drawn once), the model and
// trainer (built once). Virtual clients are index lists into the shared train set. Re-init with a new config rebuilds
// only what that config changed.
import { attackActive, maliciousClients } from '../attack/malicious';
import { attackTestSet, poisonClientData } from '../attack/poisonData';
import type { ExperimentConfig } from '../config/schema';
import { loadData } from '../data/load';
import type { AssetLoader, DataSplit, Dataset } from '../data/types';
import type { ClientTask, ClientUpdate, EvalResult, RuntimeInfo } from '../engine/executor';
import { initParams } from '../model/init';
import { modelSpecFor } from '../model/spec';
import type { ModelSpec } from '../model/types';
import { featureTransformFor } from '../partition/featureSkew';
import { partitionData } from '../partition/partition';
import type { Partition, PartitionStats } from '../partition/types';
import { rngFor } from '../rng';
import { clientTraining } from '../strategy/registry';
import { initBackend, type BackendOptions } from '../tf/backend';
import { LocalTrainer } from '../train/localTrainer';
import { SharedData } from './sharedData';
import { combineTestChunks, testChunkCount, testChunkIndices } from './testChunks';

export interface RuntimeInit {
  config: ExperimentConfig;
  loadAsset: AssetLoader;
  backend?: BackendOptions;
}

/** A 2-D region of input space. */
export interface GridBox {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** One client's training points as the client sees them (feature skew applied), for 2-D scatter plots. */
export interface ClientPoints {
  /** count × 2, row-major. */
  x: Float32Array;
  y: Int32Array;
  count: number;
}

interface Cached<T> {
  key: string;
  value: T;
}

/** Largest resolution predictGrid accepts (a 512 × 512 grid). */
const MAX_GRID = 512;

export class ClientRuntime {
  private backend: Promise<RuntimeInfo> | null = null;
  private config: ExperimentConfig | null = null;
  private data: Cached<DataSplit> | null = null;
  private partition: Cached<Partition> | null = null;
  private model: Cached<{ spec: ModelSpec; trainer: LocalTrainer }> | null = null;
  private malicious: ReadonlySet<number> = new Set();
  private attackSet: Cached<Dataset | null> | null = null;

  private readonly shared: SharedData;
  /** A store of its own holds only this runtime's current data; a shared one is pruned by its owner. */
  private readonly ownsShared: boolean;

  /** `shared`: where the loaded data lives, shared with the worker's other runtimes (one per variant). */
  constructor(shared?: SharedData) {
    this.shared = shared ?? new SharedData();
    this.ownsShared = !shared;
  }

  /** What the loaded data depends on ([seed, data]); null before init. */
  get dataKey(): string | null {
    return this.data?.key ?? null;
  }

  async init({ config, loadAsset, backend }: RuntimeInit): Promise<RuntimeInfo> {
    // The TF.js backend is process-global: the first init chooses it.
    const info = await (this.backend ??= initBackend(backend ?? {}));
    this.config = null;

    const dataKey = JSON.stringify([config.seed, config.data]);
    if (this.data?.key !== dataKey) {
      this.data = { key: dataKey, value: await this.shared.get(dataKey, () => loadData(config, loadAsset)) };
      if (this.ownsShared) this.shared.retain([dataKey]);
    }
    const { train } = this.data.value;

    const partitionKey = JSON.stringify([dataKey, config.partition]);
    if (this.partition?.key !== partitionKey) {
      this.partition = { key: partitionKey, value: partitionData(config, train.y, train.numClasses) };
    }

    const spec = modelSpecFor(config, train);
    const modelKey = JSON.stringify([spec, config.train]);
    if (this.model?.key !== modelKey) {
      this.model?.value.trainer.dispose();
      this.model = { key: modelKey, value: { spec, trainer: new LocalTrainer(spec, config.train) } };
    }
    this.malicious = maliciousClients(config);
    const attackKey = JSON.stringify([dataKey, config.attack]);
    if (this.attackSet?.key !== attackKey) {
      this.attackSet = { key: attackKey, value: attackTestSet(config, train, this.data.value.test) };
    }
    this.config = config;
    return info;
  }

  /** The initial global model: initParams(spec, rngFor(seed, 'init')). */
  initialWeights(): Float32Array {
    const { config, model } = this.ready();
    return initParams(model.spec, rngFor(config.seed, 'init'));
  }

  partitionStats(): PartitionStats {
    return this.ready().partition.stats;
  }

  /** Federated evaluation of the received model on the client's own data (when enabled), then local training. */
  async train(task: ClientTask): Promise<ClientUpdate> {
    const { config, data, partition, model } = this.ready();
    const indices = this.clientIndices(partition, task.clientId);
    const transform = featureTransformFor(config, data.train, task.clientId);
    const local = config.evaluation.federated
      ? model.trainer.evaluate(task.weights, data.train, indices, transform)
      : { accuracy: NaN, loss: NaN };
    const clean = { data: data.train, indices, transform };
    const own =
      this.malicious.has(task.clientId) && attackActive(config, task.round)
        ? poisonClientData(config, task.clientId, clean)
        : clean;
    const result = model.trainer.train(
      task.weights,
      own.data,
      own.indices,
      {
        ...clientTraining(config.strategy),
        workFraction: task.workFraction,
        dpSgd: config.privacy.dpSgd
          ? {
              clipNorm: config.privacy.dpSgdClipNorm,
              noiseMultiplier: config.privacy.dpSgdNoiseMultiplier,
              noise: rngFor(config.seed, 'dp-sgd', task.round, task.clientId),
            }
          : undefined,
      },
      rngFor(config.seed, 'shuffle', task.round, task.clientId),
      own.transform,
    );
    return {
      round: task.round,
      clientId: task.clientId,
      delta: result.delta,
      numExamples: result.numExamples,
      trainLoss: result.trainLoss,
      trainAccuracy: result.trainAccuracy,
      localAccuracy: local.accuracy,
      localLoss: local.loss,
      steps: result.steps,
    };
  }

  /** Centralized evaluation on the held-out test set (chunk by chunk, exactly as a pool computes it). */
  evaluate(weights: Float32Array): EvalResult {
    const numTest = this.testSize();
    const chunks = Array.from({ length: testChunkCount(numTest) }, (_, c) => this.evaluateTestChunk(weights, c));
    return combineTestChunks(chunks, numTest);
  }

  /** One chunk of the centralized evaluation (see testChunks.ts). */
  evaluateTestChunk(weights: Float32Array, chunk: number): EvalResult {
    const { data, model } = this.ready();
    return model.trainer.evaluate(weights, data.test, testChunkIndices(data.test.numExamples, chunk));
  }

  /**
   * Attack success of `weights`: the share of the attack's test inputs classified as its target (see
   * attackTestSet); NaN when the configured attack has no target or no such input exists.
   */
  attackSuccess(weights: Float32Array): number {
    const { model } = this.ready();
    const set = this.attackSet?.value;
    if (!set || set.numExamples === 0) return NaN;
    return model.trainer.evaluate(weights, set).accuracy;
  }

  testSize(): number {
    return this.ready().data.test.numExamples;
  }

  /**
   * Class probabilities on a resolution × resolution grid of cell centres over `box` (2-D datasets only): row-major,
   * rows from yMin to yMax, numClasses values per point.
   */
  predictGrid(weights: Float32Array, box: GridBox, resolution: number): Float32Array {
    const { data, model } = this.ready();
    requireTwoD(data.train, 'predictGrid');
    if (!Number.isInteger(resolution) || resolution < 1 || resolution > MAX_GRID) {
      throw new RangeError(`predictGrid: resolution must be an integer in [1, ${MAX_GRID}], got ${resolution}`);
    }
    const count = resolution * resolution;
    const x = new Float32Array(2 * count);
    const dx = (box.xMax - box.xMin) / resolution;
    const dy = (box.yMax - box.yMin) / resolution;
    for (let row = 0; row < resolution; row++) {
      for (let col = 0; col < resolution; col++) {
        const i = 2 * (row * resolution + col);
        x[i] = box.xMin + (col + 0.5) * dx;
        x[i + 1] = box.yMin + (row + 0.5) * dy;
      }
    }
    return model.trainer.predict(weights, x, count);
  }

  /** Client `clientId`'s training points as it sees them (2-D datasets only). */
  clientData(clientId: number): ClientPoints {
    const { config, data, partition } = this.ready();
    const train = requireTwoD(data.train, 'clientData');
    const indices = this.clientIndices(partition, clientId);
    const count = indices.length;
    const x = new Float32Array(2 * count);
    const y = new Int32Array(count);
    for (let k = 0; k < count; k++) {
      const i = indices[k];
      x[2 * k] = train.x[2 * i];
      x[2 * k + 1] = train.x[2 * i + 1];
      y[k] = train.y[i];
    }
    featureTransformFor(config, train, clientId)?.(x, count);
    return { x, y, count };
  }

  /** Frees the model's tensors. */
  dispose(): void {
    this.model?.value.trainer.dispose();
    this.model = null;
    this.config = null;
  }

  private clientIndices(partition: Partition, clientId: number): Int32Array {
    const indices = partition.clients[clientId];
    if (!indices) throw new RangeError(`no client ${clientId}: the partition has ${partition.clients.length} clients`);
    return indices;
  }

  private ready() {
    if (!this.config || !this.data || !this.partition || !this.model) {
      throw new Error('ClientRuntime: call init({ config, loadAsset }) first');
    }
    return {
      config: this.config,
      data: this.data.value,
      partition: this.partition.value,
      model: this.model.value,
    };
  }
}

function requireTwoD(dataset: Dataset, what: string): Dataset {
  if (dataset.featureSize !== 2) throw new Error(`${what} needs a 2-D dataset, not ${dataset.name}`);
  return dataset;
}
