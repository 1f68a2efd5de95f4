// The typed client of the library API, for the studio (same origin) and the CLI (a studio's URL).
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { AppRouter } from './trpc/router';

export const TRPC_ENDPOINT = '/api/trpc';

/** `origin` like "http://127.0.0.1:3000"; "" in the browser for the page's own server. */
export function createLibraryClient(origin = '') {
  return createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: `${origin}${TRPC_ENDPOINT}` })] });
}

export type LibraryClient = ReturnType<typeof createLibraryClient>;
