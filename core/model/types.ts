import type { ModelKind } from '../config/schema';

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
