/** Throws unless the global model and the aggregated update have the same dimension. */
export function checkSameSize(global: Float32Array, delta: Float32Array): void {
  if (global.length !== delta.length) {
    throw new Error(`aggregated update has ${delta.length} parameters but the global model has ${global.length}`);
  }
}
