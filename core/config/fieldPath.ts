// Dotted config paths ("aggregator.name") checked against the schema and written into a raw (not yet validated)
// config: shared by the CLI's --set and --variant and by variants (core/config/variants.ts).
import { z } from 'zod';
import { experimentSchema, unwrapField } from './schema';

type JsonObject = Record<string, unknown>;

/** Why `path` is not a config field (naming the first bad segment and the fields it could be), or null if it is one. */
export function fieldPathProblem(path: string): string | null {
  const keys = path.split('.');
  let schema: z.ZodType = experimentSchema;
  for (const [i, key] of keys.entries()) {
    const parent = keys.slice(0, i).join('.');
    const object = unwrapField(schema).schema;
    if (!(object instanceof z.ZodObject)) return `config field "${parent}" has no sub-fields`;
    const field = (object.shape as Record<string, z.ZodType>)[key];
    if (!field) {
      const known = Object.keys(object.shape).join(', ');
      return `unknown config field "${keys.slice(0, i + 1).join('.')}" (fields of ${parent ? `"${parent}"` : 'the config'}: ${known})`;
    }
    schema = field;
  }
  return null;
}

/**
 * Sets `path` to `value` in a raw config object, in place, creating missing parent objects. Returns why not when a
 * parent on the way is not an object (the path must already be a known field: fieldPathProblem).
 */
export function assignPath(config: JsonObject, path: string, value: unknown): string | null {
  const keys = path.split('.');
  let node = config;
  for (const [i, key] of keys.slice(0, -1).entries()) {
    const child = node[key] ?? (node[key] = {});
    if (typeof child !== 'object' || child === null || Array.isArray(child)) {
      return `"${keys.slice(0, i + 1).join('.')}" in the config is not an object`;
    }
    node = child as JsonObject;
  }
  node[keys[keys.length - 1]] = value;
  return null;
}

/** The value at `path` of a config object (undefined when absent). */
export function valueAt(config: unknown, path: string): unknown {
  let node = config;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
    node = (node as JsonObject)[key];
  }
  return node;
}
