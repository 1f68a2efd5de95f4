import type { ModelKind } from '../config/schema';
import type { LayerSpec } from './architecture';
import { cnnLayers } from './cnn';
import { logregLayers } from './logreg';
import { mlpLayers } from './mlp';
import type { ModelSpec } from './types';

const MODELS: Record<ModelKind, (spec: ModelSpec) => LayerSpec[]> = {
  logreg: logregLayers,
  mlp: mlpLayers,
  cnn: cnnLayers,
};

/** The layers of the model a spec describes. */
export function modelLayers(spec: ModelSpec): LayerSpec[] {
  const build = MODELS[spec.kind];
  if (!build) throw new Error(`unknown model kind ${JSON.stringify(spec.kind)}`);
  return build(spec);
}
