import type { z } from 'zod';
import type { ModelKind } from '../config/schema';
import type { Plugin } from '../plugin';
import type { LayerSpec } from './architecture';

/** What a model is, independent of any TF.js object: enough to rebuild it anywhere. */
export interface ModelSpec {
  kind: ModelKind;
  /** Shape of one example, e.g. [28, 28, 1] or [2]. */
  inputShape: number[];
  numClasses: number;
  /** MLP hidden sizes (ignored by logreg and cnn). */
  hidden: number[];
}

export interface ParamEntry {
  name: string;
  shape: number[];
  /** Offset of this tensor in the flat parameter vector. */
  offset: number;
  size: number;
}

/** How a flat Float32Array of parameters maps onto the model's tensors. */
export interface ParamLayout {
  entries: ParamEntry[];
  totalSize: number;
}

/** What the data gives every model besides its own parameters: the shape of one example and the class count. */
export type ModelShape = Pick<ModelSpec, 'inputShape' | 'numClasses'>;

/** A model: model.kind selects one; `create` lays out its layers from its own parameters and the data's shape. */
export interface ModelPlugin<Params extends z.ZodRawShape = z.ZodRawShape> extends Plugin<Params, LayerSpec[], ModelShape> {
  /** It trains on images only ([height, width, channels] examples): the config rules refuse other data. */
  readonly needsImages?: boolean;
}

/** Identity, so a plugin's `create` gets its parameters' types (and its name stays a literal). */
export const defineModel = <const Name extends string, Params extends z.ZodRawShape>(
  plugin: ModelPlugin<Params> & { name: Name },
) => plugin;
