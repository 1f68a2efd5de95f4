/** Secure aggregation cannot recover the sum (too few survivors); the message says what to change. */
export class SecureAggregationError extends Error {
  override name = 'SecureAggregationError';
}
