// The HTTP entry of the library API (used by the Next.js route and the tests' Node server).
import { TRPCError } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { MAX_REQUEST_BYTES, MAX_RUN_BYTES, megabytes } from '../../shared/library/limits';
import { TRPC_ENDPOINT } from '../client';
import { getLibrary } from '../db/connection';
import type { Library } from '../library/library';
import { libraryContext } from '../trpc/init';
import { appRouter } from '../trpc/router';
import { readLimitedBody } from './limitBody';

export interface HandlerOptions {
  library?: () => Library;
  maxBytes?: number;
}

function withoutBody(req: Request): Request {
  const headers = new Headers(req.headers);
  headers.delete('content-length');
  return new Request(req.url, { method: req.method, headers });
}

export async function handleTrpcRequest(req: Request, { library = getLibrary, maxBytes = MAX_REQUEST_BYTES }: HandlerOptions = {}): Promise<Response> {
  const limited = await readLimitedBody(req, maxBytes);
  // An oversized body is answered through tRPC (so batched calls get one error each), without reading it.
  const tooLarge =
    limited === null
      ? new TRPCError({
          code: 'PAYLOAD_TOO_LARGE',
          message: `request larger than ${megabytes(maxBytes)}: a saved run holds at most ${megabytes(MAX_RUN_BYTES)} of metrics`,
        })
      : null;
  return fetchRequestHandler({
    endpoint: TRPC_ENDPOINT,
    req: limited ?? withoutBody(req),
    router: appRouter,
    createContext: () => {
      if (tooLarge) throw tooLarge;
      return libraryContext(library);
    },
    onError: ({ error, path }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`fedstudio library API: ${path ?? '(request)'}: ${error.message}`, error.cause);
    },
  });
}
