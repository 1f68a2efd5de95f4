// A model as a list of layers, independent of TF.js: enough to lay out and initialise its parameters here and to
// build the trainable network in core/train.

/** Fully connected; weights stored [units, inputs] (PyTorch layout), so y = x·Wᵀ + b. Flattens its input. */
export interface DenseLayer {
  type: 'dense';
  inputs: number;
  units: number;
  activation: 'relu' | 'linear';
}

/** 2-D convolution, stride 1, 'same' padding, NHWC; kernel stored [size, size, in, filters] (TF.js HWIO layout). */
export interface Conv2DLayer {
  type: 'conv2d';
  /** [height, width, channels] of the input. */
  inputShape: [number, number, number];
  filters: number;
  kernelSize: number;
  activation: 'relu';
}

/** Max pooling with a square window and stride equal to the window, no padding. */
export interface MaxPool2DLayer {
  type: 'maxPool2d';
  inputShape: [number, number, number];
  size: number;
}

export type LayerSpec = DenseLayer | Conv2DLayer | MaxPool2DLayer;

/** One parameter tensor of a layer, with the fan-in/fan-out that Glorot initialisation needs. */
export interface ParamSpec {
  name: string;
  shape: number[];
  kind: 'weight' | 'bias';
  fanIn: number;
  fanOut: number;
}

/** Parameters of layer number `index` (named layer{index}/kernel, layer{index}/bias), in layout order. */
export function layerParams(layer: LayerSpec, index: number): ParamSpec[] {
  const name = `layer${index}`;
  switch (layer.type) {
    case 'dense':
      return [
        { name: `${name}/kernel`, shape: [layer.units, layer.inputs], kind: 'weight', fanIn: layer.inputs, fanOut: layer.units },
        { name: `${name}/bias`, shape: [layer.units], kind: 'bias', fanIn: layer.inputs, fanOut: layer.units },
      ];
    case 'conv2d': {
      const [, , channels] = layer.inputShape;
      const area = layer.kernelSize * layer.kernelSize;
      const fans = { fanIn: area * channels, fanOut: area * layer.filters };
      return [
        { name: `${name}/kernel`, shape: [layer.kernelSize, layer.kernelSize, channels, layer.filters], kind: 'weight', ...fans },
        { name: `${name}/bias`, shape: [layer.filters], kind: 'bias', ...fans },
      ];
    }
    case 'maxPool2d':
      return [];
  }
}

/** Shape of one example after the layer. */
export function outputShape(layer: LayerSpec): number[] {
  switch (layer.type) {
    case 'dense':
      return [layer.units];
    case 'conv2d':
      return [layer.inputShape[0], layer.inputShape[1], layer.filters];
    case 'maxPool2d': {
      const [h, w, c] = layer.inputShape;
      return [Math.floor(h / layer.size), Math.floor(w / layer.size), c];
    }
  }
}
