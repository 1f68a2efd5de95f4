// The models FedStudio trains: one line each. The config's model section, the CLI's --set, the share URL and the
// studio's fields are assembled from this list (core/config/schema.ts, app/lib/fields.ts).
import { findPlugin } from '../plugin';
import type { LayerSpec } from './architecture';
import { cnn } from './cnn';
import { logreg } from './logreg';
import { mlp } from './mlp';
import type { ModelPlugin, ModelSpec } from './types';

/** In the studio's order. */
export const MODEL_PLUGINS = [logreg, mlp, cnn] as const;

/** model.kind when unset, and what the studio falls back to when the data changes under an image-only model. */
export const DEFAULT_MODEL = 'mlp' satisfies (typeof MODEL_PLUGINS)[number]['name'];

/** The plugin of model.kind `kind`. */
export function modelPlugin(kind: string): ModelPlugin {
  return findPlugin<ModelPlugin>(MODEL_PLUGINS, kind, 'model');
}

/** The layers of the model a spec describes. */
export function modelLayers(spec: ModelSpec): LayerSpec[] {
  return modelPlugin(spec.kind).create({ hidden: spec.hidden }, spec);
}
