/**
 * Relative client sizes (k + 1)^exponent for client k: 0 = equal sizes, 1 and 2 = flwr-datasets' Linear and Square
 * partitioners. Quantity skew combines with any label method because every method splits what it hands out (the
 * whole set, each class, the shards) among clients in proportion to these weights.
 */
export function quantitySkewWeights(numClients: number, exponent: number): Float64Array {
  const weights = new Float64Array(numClients);
  for (let k = 0; k < numClients; k++) weights[k] = Math.pow(k + 1, exponent);
  return weights;
}
