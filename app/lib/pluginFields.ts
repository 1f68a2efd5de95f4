// The studio's fields of a plugin section, generated from its plugins (core/plugin.ts): the selector with each
// plugin's label and help, every parameter with its metadata, shown while a plugin in use reads it, and the switches.
import { z } from 'zod';
import type { ExperimentConfig } from '../../core/config/schema';
import type { ExtensionPoint } from '../../core/extensionPoints';
import { findPlugin, paramMeta, paramsInUse } from '../../core/plugin';
import type { FieldSpec } from './fields';

/** Every field of the extension point's section, in schema order (`schema` is that section's). */
export function pluginFields(
  { section, selector, plugins, switched = [] }: ExtensionPoint,
  schema: z.ZodPrefault<z.ZodObject>,
): FieldSpec[] {
  const values = (c: ExperimentConfig) => c[section] as Record<string, unknown>;
  const inUse = (c: ExperimentConfig) => [
    findPlugin(plugins, String(values(c)[selector]), section),
    ...switched.filter((p) => values(c)[p.name] === true),
  ];
  return Object.entries(schema.unwrap().shape).map(([key, field]): FieldSpec => {
    const meta = paramMeta.get(field as z.ZodType);
    if (!meta) throw new Error(`${section}.${key} has no label: declare it with param() (core/plugin.ts)`);
    const spec: FieldSpec = { path: `${section}.${key}`, ...meta };
    if (key === selector) {
      spec.choices = Object.fromEntries(plugins.map((p) => [p.name, p.label]));
      spec.choiceHelp = Object.fromEntries(plugins.map((p) => [p.name, p.help]));
    } else if (!switched.some((p) => p.name === key)) {
      spec.when = (c) => inUse(c).some((p) => paramsInUse(p, values(c)).includes(key));
    }
    return spec;
  });
}
