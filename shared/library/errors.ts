/** A request the library refuses; the API answers with the tRPC error code of the same name. */
export class LibraryError extends Error {
  override name = 'LibraryError';
  constructor(
    readonly code: 'NOT_FOUND' | 'PAYLOAD_TOO_LARGE' | 'BAD_REQUEST',
    message: string,
    /** Field-level problems, e.g. of an imported config: { path: 'partition.alpha', message: 'must be ≥ 0.001 (got -1)' }. */
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message);
  }
}
