import type { Rng } from '../rng';
import { layerParams } from './architecture';
import { paramLayout } from './layout';
import { modelLayers } from './registry';
import type { ModelSpec } from './types';

/** Fresh parameters: Glorot-uniform weights drawn from `rng` in layout order, zero biases. */
export function initParams(spec: ModelSpec, rng: Rng): Float32Array {
  const layout = paramLayout(spec);
  const params = new Float32Array(layout.totalSize);
  const specs = modelLayers(spec).flatMap(layerParams);
  specs.forEach(({ kind, fanIn, fanOut }, i) => {
    if (kind === 'bias') return;
    const { offset, size } = layout.entries[i];
    // Glorot & Bengio 2010: U(−l, l) with l = √(6 / (fan_in + fan_out)).
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    for (let k = 0; k < size; k++) params[offset + k] = rng.uniform(-limit, limit);
  });
  return params;
}
