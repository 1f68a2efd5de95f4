// worker_threads entry of the client worker (spawned by createNodePoolExecutor through node-bootstrap.mjs).
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { parentPort } from 'node:worker_threads';
import { nodeAssetLoader } from './assets-node';
import { createClientApi } from './clientApi';

if (!parentPort) throw new Error('workers/client.node.ts must run inside a worker_threads Worker');
Comlink.expose(
  createClientApi(() => nodeAssetLoader),
  nodeEndpoint(parentPort),
);
