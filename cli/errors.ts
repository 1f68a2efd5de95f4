/** A usage problem (bad file, flag or value): printed as one line, exit code 2, no stack trace. */
export class CliError extends Error {
  override name = 'CliError';
}

export const EXIT_USAGE = 2;
