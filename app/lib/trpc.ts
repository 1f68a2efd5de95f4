// The studio's typed client of the experiment library API (served by this same origin at /api/trpc).
import { TRPCClientError } from '@trpc/client';
import { createLibraryClient } from '../../server/client';

export const libraryApi = createLibraryClient();

/** One line for the user: the server's message (it names the invalid field), or why the server was not reached. */
export function apiErrorMessage(error: unknown): string {
  if (error instanceof TRPCClientError && error.data) return error.message;
  if (error instanceof TRPCClientError) return `the library server could not be reached (${error.message})`;
  return error instanceof Error ? error.message : String(error);
}
