import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { KernelRunner } from '../tf/kernelRunner';

export interface OptimizerSettings {
  optimizer: 'sgd' | 'adam';
  lr: number;
  /** SGD momentum (tf.train.momentum semantics: v ← m·v + g; w ← w − lr·v). Ignored by Adam. */
  momentum: number;
  /** FedProx μ: adds μ(w − w_global) to every gradient, the gradient of (μ/2)‖w − w_global‖². */
  proximalMu: number;
}

// tf.train.adam defaults.
const BETA1 = 0.9;
const BETA2 = 0.999;
const EPSILON = 1e-7;

/**
 * One local optimisation run (state starts fresh, as in a stateless Flower client). Updates are built from backend
 * kernels, never written in place: XNNPACK caches packed weights by tensor id.
 *
 * For SGD the gradients arrive pre-multiplied by the learning rate (`gradientScale`), which the loss head applies for
 * free, so a plain step is one Sub kernel per tensor.
 */
export class LocalOptimizer {
  readonly gradientScale: number;
  private readonly scalars = new Map<number, TensorInfo>();
  private readonly first: TensorInfo[] = [];
  private readonly second: TensorInfo[] = [];
  private t = 0;

  /** `anchor`: the global weights, for the proximal term (borrowed, may be empty when proximalMu is 0). */
  constructor(
    private readonly runner: KernelRunner,
    private readonly settings: OptimizerSettings,
    private readonly anchor: readonly TensorInfo[],
  ) {
    this.gradientScale = settings.optimizer === 'sgd' ? settings.lr : 1;
  }

  /** New parameters after one step. Frees `params` and `grads`. */
  step(params: readonly TensorInfo[], grads: readonly TensorInfo[]): TensorInfo[] {
    this.t++;
    return params.map((w, i) => {
      const g = this.withProximal(w, grads[i], i);
      const next = this.settings.optimizer === 'adam' ? this.adam(w, g, i) : this.sgd(w, g, i);
      this.runner.free(w);
      this.runner.free(g);
      return next;
    });
  }

  /** Frees the optimizer state. */
  dispose(): void {
    for (const t of [...this.first, ...this.second, ...this.scalars.values()]) this.runner.free(t);
    this.first.length = 0;
    this.second.length = 0;
    this.scalars.clear();
  }

  /** g + μ·scale·(w − w_global) (FedProx, Li et al. 2020); frees g when it builds a new tensor. */
  private withProximal(w: TensorInfo, g: TensorInfo, i: number): TensorInfo {
    const mu = this.settings.proximalMu;
    if (mu === 0) return g;
    const drift = this.run2('Sub', w, this.anchor[i]);
    const pull = this.run2('Multiply', drift, this.scalar(mu * this.gradientScale));
    this.runner.free(drift);
    const total = this.run2('Add', g, pull);
    this.runner.free(pull);
    this.runner.free(g);
    return total;
  }

  /** g is lr·∇. Plain: w − g. Momentum: v ← m·v + g; w − v. */
  private sgd(w: TensorInfo, g: TensorInfo, i: number): TensorInfo {
    if (this.settings.momentum === 0) return this.run2('Sub', w, g);
    const velocity = this.state(this.first, i, w.shape);
    const decayed = this.run2('Multiply', velocity, this.scalar(this.settings.momentum));
    this.runner.free(velocity);
    this.first[i] = this.run2('Add', decayed, g);
    this.runner.free(decayed);
    return this.run2('Sub', w, this.first[i]);
  }

  // Kingma & Ba 2015, Algorithm 1 with the step folded as in their §2: w − lr·√(1−β₂ᵗ)/(1−β₁ᵗ) · m / (√v + ε·√(1−β₂ᵗ)),
  // which equals tf.train.adam's w − lr·m̂/(√v̂ + ε).
  private adam(w: TensorInfo, g: TensorInfo, i: number): TensorInfo {
    const m = this.movingAverage(this.first, i, g, BETA1);
    const g2 = this.runner.run('Square', { x: g });
    const v = this.movingAverage(this.second, i, g2, BETA2);
    this.runner.free(g2);
    const c1 = 1 - BETA1 ** this.t;
    const c2 = Math.sqrt(1 - BETA2 ** this.t);
    const root = this.runner.run('Sqrt', { x: v });
    const denom = this.run2('Add', root, this.scalar(EPSILON * c2));
    this.runner.free(root);
    const ratio = this.run2('RealDiv', m, denom);
    this.runner.free(denom);
    const stepSize = this.run2('Multiply', ratio, this.scalar((this.settings.lr * c2) / c1));
    this.runner.free(ratio);
    const next = this.run2('Sub', w, stepSize);
    this.runner.free(stepSize);
    return next;
  }

  /** state[i] ← β·state[i] + (1−β)·x, returned. */
  private movingAverage(store: TensorInfo[], i: number, x: TensorInfo, beta: number): TensorInfo {
    const previous = this.state(store, i, x.shape);
    const decayed = this.run2('Multiply', previous, this.scalar(beta));
    this.runner.free(previous);
    const fresh = this.run2('Multiply', x, this.scalar(1 - beta));
    store[i] = this.run2('Add', decayed, fresh);
    this.runner.free(decayed);
    this.runner.free(fresh);
    return store[i];
  }

  /** The optimizer state tensor store[i], zeros before the first step. */
  private state(store: TensorInfo[], i: number, shape: number[]): TensorInfo {
    return (store[i] ??= this.runner.zeros(shape));
  }

  private run2(kernel: string, a: TensorInfo, b: TensorInfo): TensorInfo {
    return this.runner.run(kernel, { a, b });
  }

  private scalar(value: number): TensorInfo {
    let s = this.scalars.get(value);
    if (!s) {
      s = this.runner.upload(new Float32Array([value]), []);
      this.scalars.set(value, s);
    }
    return s;
  }
}
