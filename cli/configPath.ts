// `--set path=value`: dotted paths checked against the experiment schema before they touch the config.
import { z } from 'zod';
import { experimentSchema, unwrapField } from '../core/config/schema';
import { CliError } from './errors';

type JsonObject = Record<string, unknown>;

/** Throws a CliError naming the first segment of `keys` that is not a config field. */
function checkPath(keys: string[], shown: string): void {
  let schema: z.ZodType = experimentSchema;
  keys.forEach((key, i) => {
    const parent = keys.slice(0, i).join('.');
    const object = unwrapField(schema).schema;
    if (!(object instanceof z.ZodObject)) {
      throw new CliError(`--set ${shown}: config field "${parent}" has no sub-fields`);
    }
    const field = (object.shape as Record<string, z.ZodType>)[key];
    if (!field) {
      const known = Object.keys(object.shape).join(', ');
      const where = parent ? `"${parent}"` : 'the config';
      throw new CliError(`--set ${shown}: unknown config field "${keys.slice(0, i + 1).join('.')}" (fields of ${where}: ${known})`);
    }
    schema = field;
  });
}

/** The value of `--set`: JSON when it parses as JSON (numbers, booleans, arrays…), else the raw string. */
function parseValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Applies one `path=value` assignment to a raw (not yet validated) config object, in place. */
export function applySet(config: JsonObject, assignment: string): void {
  const eq = assignment.indexOf('=');
  const path = assignment.slice(0, Math.max(eq, 0)).trim();
  if (eq < 0 || path === '') throw new CliError(`--set ${assignment}: expected path=value, e.g. --set train.lr=0.1`);
  const keys = path.split('.');
  checkPath(keys, path);
  let node = config;
  for (const [i, key] of keys.slice(0, -1).entries()) {
    const child = node[key] ?? (node[key] = {});
    if (typeof child !== 'object' || child === null || Array.isArray(child)) {
      throw new CliError(`--set ${path}: "${keys.slice(0, i + 1).join('.')}" in the config file is not an object`);
    }
    node = child as JsonObject;
  }
  node[keys[keys.length - 1]] = parseValue(assignment.slice(eq + 1));
}
