import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { ExperimentConfig } from '../config/schema';
import type { Dataset } from '../data/types';
import type { EvalResult } from '../engine/executor';
import { featureCount } from '../model/shapes';
import type { ModelSpec } from '../model/types';
import type { FeatureTransform } from '../partition/types';
import type { Rng } from '../rng';
import { KernelRunner } from '../tf/kernelRunner';
import { BatchBuilder } from './batches';
import { clipAndAccumulate, clipRows, noisyScaledSum } from './dpSgd';
import { Network } from './network';
import { LocalOptimizer } from './optimizer';
import { softmax, softmaxCrossEntropy, type BatchLoss } from './softmaxCrossEntropy';

/** Sample-level DP-SGD (Abadi et al. 2016) with Opacus's semantics; see dpSgd.ts. */
export interface DpSgdOptions {
  /** Per-example gradient clip norm C. */
  clipNorm: number;
  /** σ: each batch's sum of clipped gradients gets N(0, (σC)²) per coordinate. */
  noiseMultiplier: number;
  /** The stream the noise is drawn from. */
  noise: Rng;
}

export interface LocalTrainOptions {
  optimizer: 'sgd' | 'adam';
  lr: number;
  /** SGD momentum (0 = plain SGD). */
  momentum: number;
  epochs: number;
  batchSize: number;
  /** FedProx μ (0 = off). */
  proximalMu: number;
  /** Run only ceil(workFraction × total steps) steps (a partial straggler); 1 = all. */
  workFraction: number;
  /** Per-example clipping and Gaussian noise on every step; absent = off. */
  dpSgd?: DpSgdOptions;
}

export interface LocalTrainResult {
  /** Δ = w_local − w_global. */
  delta: Float32Array;
  numExamples: number;
  /** Example-weighted mean over the steps run (NaN when no step ran). */
  trainLoss: number;
  trainAccuracy: number;
  steps: number;
}

/** Examples per forward pass in evaluate/predict: ~1 MB of input per batch (256 MNIST digits, 4,096 2-D points). */
function evalBatchSize(featureSize: number): number {
  return Math.min(4_096, Math.max(256, Math.floor(262_144 / featureSize)));
}

/** Trains and evaluates one model architecture on the active TF.js backend; create once per worker and spec. */
export class LocalTrainer {
  private readonly runner: KernelRunner;
  private readonly network: Network;
  private readonly featureSize: number;
  private readonly defaults: LocalTrainOptions;
  private trainBatch: BatchBuilder;
  private dLogits: Float32Array;
  private readonly evalBatch: BatchBuilder;
  private disposed = false;

  /** `trainConfig` (the experiment's train section) supplies the defaults of the LocalTrainOptions fields. */
  constructor(
    readonly spec: ModelSpec,
    trainConfig: Partial<ExperimentConfig['train']> = {},
  ) {
    this.runner = KernelRunner.current();
    this.network = new Network(spec, this.runner);
    this.featureSize = featureCount(spec.inputShape);
    this.defaults = {
      optimizer: trainConfig.optimizer ?? 'sgd',
      lr: trainConfig.lr ?? 0.05,
      momentum: trainConfig.momentum ?? 0,
      epochs: trainConfig.localEpochs ?? 1,
      batchSize: trainConfig.batchSize ?? 32,
      proximalMu: 0,
      workFraction: 1,
    };
    this.trainBatch = new BatchBuilder(this.featureSize, this.defaults.batchSize);
    this.evalBatch = new BatchBuilder(this.featureSize, evalBatchSize(this.featureSize));
    this.dLogits = new Float32Array(this.defaults.batchSize * spec.numClasses);
  }

  /**
   * Local training from `globalWeights` on data[indices], shuffled per epoch by `rng`. Options not given fall back to
   * the constructor's train config.
   */
  train(
    globalWeights: Float32Array,
    data: Dataset,
    indices: Int32Array,
    options: Partial<LocalTrainOptions>,
    rng: Rng,
    transform?: FeatureTransform,
  ): LocalTrainResult {
    const opts = { ...this.defaults, ...options };
    validateOptions(opts);
    this.checkUsable(data);
    const n = indices.length;
    const stepsPerEpoch = Math.ceil(n / opts.batchSize);
    const steps = Math.ceil(opts.workFraction * opts.epochs * stepsPerEpoch);
    const delta = new Float32Array(this.network.layout.totalSize);
    if (steps === 0) return { delta, numExamples: n, trainLoss: NaN, trainAccuracy: NaN, steps: 0 };

    if (this.trainBatch.capacity < opts.batchSize) {
      this.trainBatch = new BatchBuilder(this.featureSize, opts.batchSize);
      this.dLogits = new Float32Array(opts.batchSize * this.spec.numClasses);
    }
    const batch = this.trainBatch;
    const runner = this.runner;
    let params = this.network.upload(globalWeights);
    const anchor = opts.proximalMu > 0 ? this.network.upload(globalWeights) : [];
    const optimizer = new LocalOptimizer(runner, opts, anchor);
    const order = Int32Array.from(indices);
    const totals: BatchLoss = { lossSum: 0, correct: 0 };
    const dp = opts.dpSgd && this.dpSgdRun(opts.dpSgd, opts.batchSize);
    let seen = 0;
    try {
      for (let step = 0; step < steps; step++) {
        const start = (step % stepsPerEpoch) * opts.batchSize;
        if (start === 0) rng.shuffle(order);
        const count = Math.min(opts.batchSize, n - start);
        const x = batch.fill(data.x, data.y, order, start, count, transform);
        const grads = dp
          ? this.privateGradients(x, batch.y, count, params, optimizer.gradientScale, totals, dp)
          : this.gradients(x, batch.y, count, params, optimizer.gradientScale, totals);
        seen += count;
        params = optimizer.step(params, grads);
      }
      this.network.download(params, delta);
    } finally {
      for (const t of [...params, ...anchor]) runner.free(t);
      optimizer.dispose();
    }
    for (let i = 0; i < delta.length; i++) delta[i] -= globalWeights[i];
    return { delta, numExamples: n, trainLoss: totals.lossSum / seen, trainAccuracy: totals.correct / seen, steps };
  }

  /** Mean cross-entropy and accuracy of `weights` on data[indices] (all of data when omitted), no gradients. */
  evaluate(weights: Float32Array, data: Dataset, indices?: Int32Array, transform?: FeatureTransform): EvalResult {
    this.checkUsable(data);
    const order = indices ?? range(data.numExamples);
    if (order.length === 0) return { accuracy: NaN, loss: NaN };
    let lossSum = 0;
    let correct = 0;
    this.forEachEvalBatch(weights, order, data.x, data.y, transform, (logits, count) => {
      const loss = softmaxCrossEntropy(logits, this.evalBatch.y, count, this.spec.numClasses);
      lossSum += loss.lossSum;
      correct += loss.correct;
    });
    return { accuracy: correct / order.length, loss: lossSum / order.length };
  }

  /** Class probabilities (count × classes, row-major) for `count` examples laid out row-major in `x`. */
  predict(weights: Float32Array, x: Float32Array, count: number): Float32Array {
    this.checkUsable();
    if (x.length !== count * this.featureSize) {
      throw new Error(`predict: ${count} examples of ${this.featureSize} features need ${count * this.featureSize} values, got ${x.length}`);
    }
    const classes = this.spec.numClasses;
    const out = new Float32Array(count * classes);
    let done = 0;
    this.forEachEvalBatch(weights, range(count), x, undefined, undefined, (logits, batchCount) => {
      softmax(logits, batchCount, classes, out.subarray(done * classes, (done + batchCount) * classes));
      done += batchCount;
    });
    return out;
  }

  /** Nothing stays on the backend between calls (weights arrive with every call); later calls are refused. */
  dispose(): void {
    this.disposed = true;
  }

  /**
   * `scale` × the gradients (layout order) of the mean loss over the `count` examples in x, y; adds their loss and
   * hits to `totals`. With `clipNorm` (batchedNorms networks; scale = count, so that row i of dL/dlogits is
   * ∂ℓᵢ/∂logitsᵢ) each example's share is clipped to that norm first, giving Σᵢ clip(gᵢ).
   */
  private gradients(
    x: Float32Array,
    y: Int32Array,
    count: number,
    params: readonly TensorInfo[],
    scale: number,
    totals: BatchLoss,
    clipNorm?: number,
  ): TensorInfo[] {
    const runner = this.runner;
    const classes = this.spec.numClasses;
    const input = runner.upload(x, [count, ...this.spec.inputShape]);
    const trace = this.network.forwardTrace(input, params);
    const logits = trace.outputs[trace.outputs.length - 1];
    const dLogits = this.dLogits.subarray(0, count * classes);
    const loss = softmaxCrossEntropy(runner.view(logits), y, count, classes, dLogits, scale);
    totals.lossSum += loss.lossSum;
    totals.correct += loss.correct;
    if (clipNorm !== undefined) {
      const norms = this.network.perExampleSquaredNorms(trace, runner.upload(dLogits, logits.shape), params);
      clipRows(dLogits, classes, norms, clipNorm);
    }
    const grads = this.network.backward(trace, runner.upload(dLogits, logits.shape), params);
    runner.free(input);
    return grads;
  }

  /**
   * DP-SGD's `scale` × (Σᵢ clip(gᵢ) + N(0, (σC)²)) / B over the `count` examples in x, y (Abadi et al. 2016, Alg. 1).
   * Dense-only networks clip within one batched pass (see gradients); others run each gᵢ's forward and backward pass
   * on its own. B is the configured batch size, the last short batch's too: Opacus divides by the expected batch size
   * of Poisson sampling, and the accountant (core/privacy/ledger.ts) assumes Poisson sampling with q = B/n as Opacus
   * does, while our batches are fixed-size slices of a shuffle.
   */
  private privateGradients(
    x: Float32Array,
    y: Int32Array,
    count: number,
    params: readonly TensorInfo[],
    scale: number,
    totals: BatchLoss,
    dp: DpSgdRun,
  ): TensorInfo[] {
    if (this.network.batchedNorms) {
      this.take(this.gradients(x, y, count, params, count, totals, dp.clipNorm), dp.example);
      dp.sum.set(dp.example);
    } else {
      const f = this.featureSize;
      dp.sum.fill(0);
      for (let i = 0; i < count; i++) {
        const grads = this.gradients(x.subarray(i * f, (i + 1) * f), y.subarray(i, i + 1), 1, params, 1, totals);
        this.take(grads, dp.example);
        clipAndAccumulate(dp.example, dp.clipNorm, dp.sum);
      }
    }
    noisyScaledSum(dp.sum, dp.noiseMultiplier * dp.clipNorm, scale / dp.batchSize, dp.noise, dp.example);
    // The optimizer step frees these tensors before the next step reuses `example` (the cpu backend keeps the array).
    return this.network.upload(dp.example);
  }

  /** Downloads `grads` into `flat` (layout order) and frees them. */
  private take(grads: TensorInfo[], flat: Float32Array): void {
    this.network.download(grads, flat);
    for (const g of grads) this.runner.free(g);
  }

  private dpSgdRun(options: DpSgdOptions, batchSize: number): DpSgdRun {
    const size = this.network.layout.totalSize;
    return { ...options, batchSize, sum: new Float64Array(size), example: new Float32Array(size) };
  }

  /** Forward passes over data[order] in evaluation batches, handing each batch's logits (valid during the call). */
  private forEachEvalBatch(
    weights: Float32Array,
    order: Int32Array,
    x: Float32Array,
    y: Int32Array | undefined,
    transform: FeatureTransform | undefined,
    onLogits: (logits: Float32Array, count: number) => void,
  ): void {
    const runner = this.runner;
    const params: TensorInfo[] = this.network.upload(weights);
    try {
      const size = this.evalBatch.capacity;
      for (let start = 0; start < order.length; start += size) {
        const count = Math.min(size, order.length - start);
        const input = runner.upload(this.evalBatch.fill(x, y, order, start, count, transform), [
          count,
          ...this.spec.inputShape,
        ]);
        const logits = this.network.forward(input, params);
        runner.free(input);
        onLogits(runner.view(logits), count);
        runner.free(logits);
      }
    } finally {
      for (const t of params) runner.free(t);
    }
  }

  private checkUsable(data?: Dataset): void {
    if (this.disposed) throw new Error('LocalTrainer: used after dispose()');
    if (data && (data.featureSize !== this.featureSize || data.numClasses !== this.spec.numClasses)) {
      throw new Error(
        `dataset ${data.name} has ${data.featureSize} features and ${data.numClasses} classes; ` +
          `this ${this.spec.kind} expects ${this.featureSize} and ${this.spec.numClasses}`,
      );
    }
  }
}

/** DP-SGD within one train call: the options, the batch size B, and layout-sized buffers. */
interface DpSgdRun extends DpSgdOptions {
  batchSize: number;
  /** Σ of the clipped per-example gradients of the current batch. */
  sum: Float64Array;
  /** One example's gradient, then the privatized batch gradient. */
  example: Float32Array;
}

function range(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i);
}

function validateOptions(o: LocalTrainOptions): void {
  const bad = (field: string, rule: string, value: unknown) =>
    new RangeError(`LocalTrainer.train: ${field} must be ${rule} (got ${String(value)})`);
  if (o.optimizer !== 'sgd' && o.optimizer !== 'adam') throw bad('optimizer', '"sgd" or "adam"', o.optimizer);
  if (!(o.lr > 0)) throw bad('lr', '> 0', o.lr);
  if (!(o.momentum >= 0 && o.momentum < 1)) throw bad('momentum', 'in [0, 1)', o.momentum);
  if (!(Number.isInteger(o.epochs) && o.epochs >= 1)) throw bad('epochs', 'an integer ≥ 1', o.epochs);
  if (!(Number.isInteger(o.batchSize) && o.batchSize >= 1)) throw bad('batchSize', 'an integer ≥ 1', o.batchSize);
  if (!(o.proximalMu >= 0)) throw bad('proximalMu', '≥ 0', o.proximalMu);
  if (!(o.workFraction > 0 && o.workFraction <= 1)) throw bad('workFraction', 'in (0, 1]', o.workFraction);
  if (o.dpSgd && !(o.dpSgd.clipNorm > 0)) throw bad('dpSgd.clipNorm', '> 0', o.dpSgd.clipNorm);
  if (o.dpSgd && !(o.dpSgd.noiseMultiplier >= 0)) throw bad('dpSgd.noiseMultiplier', '≥ 0', o.dpSgd.noiseMultiplier);
}
