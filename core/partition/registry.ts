// The label partitioners FedStudio offers (flwr-datasets names): one line each. The config's partition section, the
// CLI's --set, the share URL and the studio's fields are assembled from this list (core/config/schema.ts,
// app/lib/fields.ts).
import { dirichlet } from './dirichlet';
import { iid } from './iid';
import { pathological } from './pathological';
import { shard } from './shard';

/** Selected by partition.method, in the studio's order; the first is the default. */
export const PARTITIONER_PLUGINS = [iid, dirichlet, pathological, shard] as const;

export type LabelPartitionMethod = (typeof PARTITIONER_PLUGINS)[number]['name'];
