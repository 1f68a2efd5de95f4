import { layerParams } from './architecture';
import { modelLayers } from './registry';
import { featureCount } from './shapes';
import type { ModelSpec, ParamLayout } from './types';

/**
 * How the flat parameter vector maps onto the model's tensors: per layer, kernel then bias. Dense kernels are
 * [units, inputs], conv kernels [size, size, in, filters].
 */
export function paramLayout(spec: ModelSpec): ParamLayout {
  const entries: ParamLayout['entries'] = [];
  let offset = 0;
  modelLayers(spec).forEach((layer, index) => {
    for (const { name, shape } of layerParams(layer, index)) {
      const size = featureCount(shape);
      entries.push({ name, shape, offset, size });
      offset += size;
    }
  });
  return { entries, totalSize: offset };
}
