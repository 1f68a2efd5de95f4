import type { TensorInfo } from '@tensorflow/tfjs-core';
import { layerParams } from '../model/architecture';
import { paramLayout } from '../model/layout';
import { modelLayers } from '../model/registry';
import type { ModelSpec, ParamLayout } from '../model/types';
import type { KernelRunner } from '../tf/kernelRunner';
import type { TrainableLayer } from './layer';
import { buildLayer } from './layers';

/** What a training forward pass keeps for backward: every layer's output (the last is the logits). */
export interface ForwardTrace {
  input: TensorInfo;
  outputs: TensorInfo[];
}

/** The model's layers wired in sequence, with parameters as one tensor per layout entry. */
export class Network {
  readonly layout: ParamLayout;
  private readonly layers: TrainableLayer[];
  /** Index of each layer's first parameter in the layout. */
  private readonly firstParam: number[] = [];
  private readonly paramCounts: number[] = [];
  /** Whether perExampleSquaredNorms works: every layer reports per-example norms (dense-only networks). */
  readonly batchedNorms: boolean;

  constructor(
    spec: ModelSpec,
    private readonly runner: KernelRunner,
  ) {
    this.layout = paramLayout(spec);
    const specs = modelLayers(spec);
    this.layers = specs.map((layer) => buildLayer(layer, runner));
    let next = 0;
    specs.forEach((layer, index) => {
      const count = layerParams(layer, index).length;
      this.firstParam.push(next);
      this.paramCounts.push(count);
      next += count;
    });
    this.batchedNorms = this.layers.every((layer) => layer.addSquaredGradNorms !== undefined);
  }

  /** One tensor per layout entry holding the matching slice of `flat`. */
  upload(flat: Float32Array): TensorInfo[] {
    if (flat.length !== this.layout.totalSize) {
      throw new Error(`expected ${this.layout.totalSize} parameters for this model, got ${flat.length}`);
    }
    return this.layout.entries.map(({ offset, size, shape }) => this.runner.upload(flat.subarray(offset, offset + size), shape));
  }

  /** Writes `params` into `flat` (layout order). */
  download(params: readonly TensorInfo[], flat: Float32Array): void {
    this.layout.entries.forEach(({ offset }, i) => flat.set(this.runner.view(params[i]), offset));
  }

  /** Forward pass keeping every activation for backward (free with release or backward). */
  forwardTrace(input: TensorInfo, params: readonly TensorInfo[]): ForwardTrace {
    const outputs: TensorInfo[] = [];
    let x = input;
    this.layers.forEach((layer, i) => {
      x = layer.forward(x, this.paramsOf(params, i));
      outputs.push(x);
    });
    return { input, outputs };
  }

  /** Logits only, freeing intermediate activations as it goes. Caller frees the result. */
  forward(input: TensorInfo, params: readonly TensorInfo[]): TensorInfo {
    let x = input;
    this.layers.forEach((layer, i) => {
      const y = layer.forward(x, this.paramsOf(params, i));
      if (x !== input) this.runner.free(x);
      x = y;
    });
    return x;
  }

  /**
   * Gradients of the loss for every parameter (layout order) given dL/dlogits. Frees the trace's outputs and
   * `dLogits`; the trace's input stays the caller's.
   */
  backward(trace: ForwardTrace, dLogits: TensorInfo, params: readonly TensorInfo[]): TensorInfo[] {
    const grads: TensorInfo[] = new Array(params.length);
    this.backPropagate(trace, dLogits, (i, x, dy) => {
      const result = this.layers[i].backward(x, trace.outputs[i], dy, this.paramsOf(params, i), i > 0);
      result.grads.forEach((g, k) => (grads[this.firstParam[i] + k] = g));
      this.runner.free(trace.outputs[i]);
      return result.dx;
    });
    return grads;
  }

  /**
   * Each example's squared gradient norm over all parameters from one batched backward pass, given dL/dlogits whose
   * row i is ∂ℓᵢ/∂logitsᵢ (needs batchedNorms). Frees `dLogits`; the trace stays for a backward pass.
   */
  perExampleSquaredNorms(trace: ForwardTrace, dLogits: TensorInfo, params: readonly TensorInfo[]): Float64Array {
    if (!this.batchedNorms) throw new Error('Network: per-example norms from a batch need a network of dense layers');
    const norms = new Float64Array(trace.input.shape[0]);
    this.backPropagate(trace, dLogits, (i, x, dy) =>
      this.layers[i].addSquaredGradNorms!(x, trace.outputs[i], dy, this.paramsOf(params, i), i > 0, norms),
    );
    return norms;
  }

  /** Visits the layers last to first with (layer, its input, dL/dy), passing each returned dL/dx on; frees each dL/dy. */
  private backPropagate(
    trace: ForwardTrace,
    dLogits: TensorInfo,
    visit: (layer: number, x: TensorInfo, dy: TensorInfo) => TensorInfo | null,
  ): void {
    let dy = dLogits;
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const dx = visit(i, i === 0 ? trace.input : trace.outputs[i - 1], dy);
      this.runner.free(dy);
      if (dx) dy = dx;
    }
  }

  private paramsOf(params: readonly TensorInfo[], layer: number): readonly TensorInfo[] {
    return params.slice(this.firstParam[layer], this.firstParam[layer] + this.paramCounts[layer]);
  }
}
