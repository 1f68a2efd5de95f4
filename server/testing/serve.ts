// Test helper: the library API on a real HTTP server at 127.0.0.1 (random port), as the Next.js route serves it.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { incomingMessageToRequest } from '@trpc/server/adapters/node-http';
import { handleTrpcRequest, type HandlerOptions } from '../http/handler';

export interface TestServer {
  /** Origin, e.g. http://127.0.0.1:43121 (the API is at `${url}/api/trpc`). */
  url: string;
  close(): Promise<void>;
}

export async function serveLibrary(options: HandlerOptions): Promise<TestServer> {
  const server = createServer((req, res) => {
    void (async () => {
      const response = await handleTrpcRequest(incomingMessageToRequest(req, res, { maxBodySize: null }), options);
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
