// Test helper: the library API over real HTTP with a fresh SQLite file, and the error a call fails with.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TRPCClientError } from '@trpc/client';
import { createLibraryClient, type LibraryClient } from '../client';
import { openDatabase } from '../db/openDatabase';
import { Library } from '../library/library';
import { serveLibrary, type TestServer } from './serve';

export interface TestApi {
  /** A temporary folder, removed by close(); the library is `library.db` in it. */
  tmp: string;
  library: Library;
  server: TestServer;
  api: LibraryClient;
  close(): Promise<void>;
}

export async function startTestApi(): Promise<TestApi> {
  const tmp = mkdtempSync(path.join(tmpdir(), 'fedstudio-api-'));
  const library = new Library(openDatabase(path.join(tmp, 'library.db')));
  const server = await serveLibrary({ library: () => library });
  return {
    tmp,
    library,
    server,
    api: createLibraryClient(server.url),
    close: async () => {
      await server.close();
      library.db.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** The error a call fails with: message, tRPC code, HTTP status and field issues. */
export async function failure(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof TRPCClientError)) throw error;
    const data = error.data as { code: string; httpStatus: number; issues: { path: string; message: string }[] | null };
    return { message: error.message, code: data.code, status: data.httpStatus, issues: data.issues };
  }
  throw new Error('expected the call to fail');
}
