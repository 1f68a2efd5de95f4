// Browser-side asset loader: fetches `${origin}/data/<name>` (the files scripts/prepare-assets.mjs writes to public/).
import type { AssetLoader } from '../core/data/types';

export function fetchAssetLoader(origin: string): AssetLoader {
  return async (name) => {
    const url = `${origin.replace(/\/$/, '')}/data/${name}`;
    const response = await fetch(url);
    if (!response.ok) throw new Error(`GET ${url} returned ${response.status} ${response.statusText}`);
    return new Uint8Array(await response.arrayBuffer());
  };
}
