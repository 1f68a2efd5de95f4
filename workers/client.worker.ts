// Web Worker entry of the client worker. Turbopack bundles it as a classic script: no top-level await, no
// import.meta here; all async set-up happens in the exposed init().
import * as Comlink from 'comlink';
import { fetchAssetLoader } from './assets-browser';
import { createClientApi } from './clientApi';

Comlink.expose(createClientApi((options) => fetchAssetLoader(options.assetOrigin ?? self.location.origin)));
