// One library per server process, opened on first use. Cached on globalThis so Next's dev-mode module reloading
// does not open a new connection on every edit.
import { Library } from '../library/library';
import { resolveDbPath } from './dbPath';
import { LibraryUnavailableError } from './errors';
import { openDatabase } from './openDatabase';

const cache = globalThis as typeof globalThis & {
  __fedstudioLibrary?: { file: string; library: Library };
  /** The last LibraryUnavailableError logged, so a broken location is logged once, not on every request. */
  __fedstudioLibraryProblem?: string;
};

/** The library of `$FEDSTUDIO_DB` (default data/fedstudio.db), created and migrated on first use. */
export function getLibrary(): Library {
  const file = resolveDbPath();
  if (cache.__fedstudioLibrary?.file !== file) {
    cache.__fedstudioLibrary?.library.db.close();
    cache.__fedstudioLibrary = undefined;
    let notice: string | null = null;
    try {
      const db = openDatabase(file, {
        onMovedAside: (message) => {
          console.error(`fedstudio: ${message}`);
          notice = message;
        },
      });
      cache.__fedstudioLibrary = { file, library: new Library(db, notice) };
    } catch (error) {
      // Not cached: the next request tries again, so fixing the folder's permissions needs no restart.
      if (error instanceof LibraryUnavailableError && cache.__fedstudioLibraryProblem !== error.message) {
        console.error(`fedstudio: ${error.message}`);
        cache.__fedstudioLibraryProblem = error.message;
      }
      throw error;
    }
  }
  return cache.__fedstudioLibrary.library;
}
