import { DB_ENV } from './dbPath';

/** The library database cannot be used. The message names the file, the reason and the fix; the API answers 503. */
export class LibraryUnavailableError extends Error {
  override name = 'LibraryUnavailableError';
}

/** "the library database <file> cannot be used: <problem>; set FEDSTUDIO_DB to another file …". */
export function unavailable(file: string, problem: string, cause?: unknown): LibraryUnavailableError {
  return new LibraryUnavailableError(
    `the library database ${file} cannot be used: ${problem}; set ${DB_ENV} to another file in a folder you can write to ` +
      '(FedStudio creates it) and restart the studio',
    { cause },
  );
}
