// Node-side asset loader: reads public/data/<name> from the repository root, found relative to this file.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AssetLoader } from '../core/data/types';

const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'public', 'data');

export const nodeAssetLoader: AssetLoader = async (name) => {
  const bytes = await readFile(path.join(dataDir, name));
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
};
