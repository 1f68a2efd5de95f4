// Dotted-path access into the plain-JSON experiment config ("partition.alpha"), immutable on write.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function getAt(root: unknown, path: string): unknown {
  let cur: unknown = root;
  for (const key of path.split('.')) {
    if (!isPlainObject(cur)) return undefined;
    cur = cur[key];
  }
  return cur;
}

/** A copy of `root` with `path` set to `value` (intermediate objects are created or copied, never mutated). */
export function setAt<T>(root: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split('.');
  const base: JsonObject = isPlainObject(root) ? { ...root } : {};
  base[head] = (rest.length === 0 ? value : setAt(base[head], rest.join('.'), value)) as Json;
  return base as T;
}

/** A copy of `root` without `path` (a no-op when the path does not exist); emptied parent objects are removed. */
export function deleteAt<T>(root: T, path: string): T {
  if (!isPlainObject(root)) return root;
  const [head, ...rest] = path.split('.');
  if (!(head in root)) return root;
  const copy: JsonObject = { ...root };
  if (rest.length === 0) {
    delete copy[head];
  } else {
    const child = deleteAt(copy[head], rest.join('.'));
    if (isPlainObject(child) && Object.keys(child).length === 0) delete copy[head];
    else copy[head] = child;
  }
  return copy as T;
}

/** The leaves of `value` that differ from `base` (arrays compare as a whole); undefined when nothing differs. */
export function diff(value: unknown, base: unknown): Json | undefined {
  if (isPlainObject(value) && isPlainObject(base)) {
    const out: JsonObject = {};
    for (const key of Object.keys(value)) {
      const d = diff(value[key], base[key]);
      if (d !== undefined) out[key] = d;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  return JSON.stringify(value) === JSON.stringify(base) ? undefined : (value as Json);
}
