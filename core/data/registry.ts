// The datasets FedStudio offers: one line each. The config's data section, the CLI's --set, the share URL and the
// studio's fields are assembled from this list (core/config/schema.ts, app/lib/fields.ts).
import { findPlugin } from '../plugin';
import { mnist } from './mnist';
import { blobsDataset, circlesDataset, moonsDataset, spiralDataset, xorDataset } from './twoD';
import type { DatasetPlugin } from './types';

/** In the studio's order; the first is the default. */
export const DATASET_PLUGINS = [mnist, blobsDataset, moonsDataset, circlesDataset, spiralDataset, xorDataset] as const;

/** The plugin of data.dataset `name`. */
export function datasetPlugin(name: string): DatasetPlugin {
  return findPlugin<DatasetPlugin>(DATASET_PLUGINS, name, 'dataset');
}
