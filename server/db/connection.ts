// One library per server process, opened on first use. Cached on globalThis so Next's dev-mode module reloading
// does not open a new connection on every edit.
import { Library } from '../library/library';
import { resolveDbPath } from './dbPath';
import { openDatabase } from './openDatabase';

const cache = globalThis as typeof globalThis & { __fedstudioLibrary?: { file: string; library: Library } };

/** The library of `$FEDSTUDIO_DB` (default data/fedstudio.db), created and migrated on first use. */
export function getLibrary(): Library {
  const file = resolveDbPath();
  if (cache.__fedstudioLibrary?.file !== file) {
    cache.__fedstudioLibrary?.library.db.close();
    cache.__fedstudioLibrary = { file, library: new Library(openDatabase(file)) };
  }
  return cache.__fedstudioLibrary.library;
}
