// Reads what the zod schema allows for one config field (kind, range, choices), so the studio and the CLI's
// plugin reference never restate a range.
import { z } from 'zod';
import { experimentSchema, unwrapField } from './schema';

export type FieldKind =
  | { type: 'number'; min: number; max: number; integer: boolean }
  | { type: 'enum'; options: readonly string[] }
  | { type: 'boolean' }
  | { type: 'string'; maxLength: number }
  | { type: 'intList'; min: number; max: number; minItems: number; maxItems: number };

export interface FieldInfo {
  path: string;
  kind: FieldKind;
  /** True when the field may be left unset (the strategy then picks its own default). */
  optional: boolean;
}

function numberKind(schema: z.ZodType, path: string): Extract<FieldKind, { type: 'number' }> {
  if (!(schema instanceof z.ZodNumber) || schema.minValue === null || schema.maxValue === null) {
    throw new Error(`config field ${path} is not a bounded number in the schema`);
  }
  return { type: 'number', min: schema.minValue, max: schema.maxValue, integer: schema.isInt };
}

function kindOf(schema: z.ZodType, path: string): FieldKind {
  if (schema instanceof z.ZodNumber) return numberKind(schema, path);
  if (schema instanceof z.ZodEnum) return { type: 'enum', options: schema.options as readonly string[] };
  if (schema instanceof z.ZodBoolean) return { type: 'boolean' };
  if (schema instanceof z.ZodString) return { type: 'string', maxLength: schema.maxLength ?? 1_000 };
  if (schema instanceof z.ZodArray) {
    const element = numberKind(unwrapField(schema.element as z.ZodType).schema, path);
    const checks = schema.def.checks ?? [];
    let minItems = 0;
    let maxItems = Number.POSITIVE_INFINITY;
    for (const check of checks) {
      if (check instanceof z.core.$ZodCheckMinLength) minItems = check._zod.def.minimum;
      if (check instanceof z.core.$ZodCheckMaxLength) maxItems = check._zod.def.maximum;
    }
    return { type: 'intList', min: element.min, max: element.max, minItems, maxItems };
  }
  throw new Error(`config field ${path} has a type the studio cannot edit`);
}

const cache = new Map<string, FieldInfo>();

/** Schema facts for a dotted config path, e.g. fieldInfo('partition.alpha') → number in [0.001, 1000]. */
export function fieldInfo(path: string): FieldInfo {
  const cached = cache.get(path);
  if (cached) return cached;
  let cur: z.ZodType = experimentSchema;
  for (const key of path.split('.')) {
    const inner = unwrapField(cur).schema;
    if (!(inner instanceof z.ZodObject)) throw new Error(`unknown config field ${path}`);
    const child = (inner.shape as Record<string, z.ZodType | undefined>)[key];
    if (!child) throw new Error(`unknown config field ${path}`);
    cur = child;
  }
  const leaf = unwrapField(cur);
  const info: FieldInfo = { path, kind: kindOf(leaf.schema, path), optional: leaf.optional };
  cache.set(path, info);
  return info;
}

/** Every editable leaf path of the schema (objects recursed; `version` and the live changes' `schedule` excluded): used to check UI coverage. */
export function allFieldPaths(): string[] {
  const out: string[] = [];
  const walk = (schema: z.ZodType, prefix: string) => {
    const inner = unwrapField(schema).schema;
    if (inner instanceof z.ZodObject) {
      for (const [key, child] of Object.entries(inner.shape as Record<string, z.ZodType>)) {
        walk(child, prefix ? `${prefix}.${key}` : key);
      }
    } else if (prefix !== 'version' && prefix !== 'schedule') {
      out.push(prefix);
    }
  };
  walk(experimentSchema, '');
  return out;
}
