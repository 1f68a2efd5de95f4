import type { ExperimentConfig } from '../../core/config/schema';

export interface ConfigDiffRow {
  /** Dotted config path, e.g. "partition.alpha"; arrays are one leaf ("model.hidden"). */
  path: string;
  /** Per config, the value as JSON text; null where the field is unset (an optional field). */
  values: (string | null)[];
  same: boolean;
}

function leaves(value: unknown, prefix: string, out: Map<string, string>): Map<string, string> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (child !== undefined) leaves(child, prefix ? `${prefix}.${key}` : key, out);
    }
  } else {
    out.set(prefix, JSON.stringify(value));
  }
  return out;
}

/** Every config leaf side by side, in the first config's field order (fields only others set come after). */
export function configDiff(configs: readonly ExperimentConfig[]): ConfigDiffRow[] {
  const flat = configs.map((c) => leaves(c, '', new Map()));
  const paths = [...new Set(flat.flatMap((m) => [...m.keys()]))];
  return paths.map((path) => {
    const values = flat.map((m) => m.get(path) ?? null);
    return { path, values, same: values.every((v) => v === values[0]) };
  });
}
