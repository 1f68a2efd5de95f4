import type { TensorInfo } from '@tensorflow/tfjs-core';

export interface LayerGradients {
  /** dL/dx, or null when not asked for (the first layer's input needs none). */
  dx: TensorInfo | null;
  /** dL/dθ for each of the layer's parameters, in layout order, shaped like them. */
  grads: TensorInfo[];
}

/**
 * A layer's forward and backward pass over batch-major tensors ([batch, ...example shape]). Layers hold no tensors:
 * the network keeps each forward's input and output and hands them back to backward. Every returned tensor is new
 * and owned by the caller; inputs are never freed.
 */
export interface TrainableLayer {
  forward(x: TensorInfo, params: readonly TensorInfo[]): TensorInfo;
  backward(
    x: TensorInfo,
    y: TensorInfo,
    dy: TensorInfo,
    params: readonly TensorInfo[],
    needInputGrad: boolean,
  ): LayerGradients;
  /**
   * Adds each example's squared gradient norm over this layer's parameters to `norms` (one entry per example of the
   * batch) and returns dL/dx as backward does, computing no parameter gradient. Only layers whose per-example norms
   * follow from batch activations have it (DP-SGD's batched clipping, see Network.perExampleSquaredNorms).
   */
  addSquaredGradNorms?(
    x: TensorInfo,
    y: TensorInfo,
    dy: TensorInfo,
    params: readonly TensorInfo[],
    needInputGrad: boolean,
    norms: Float64Array,
  ): TensorInfo | null;
}
