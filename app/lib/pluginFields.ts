// The studio's fields of a plugin section, generated from its plugins (core/plugin.ts): the selector with each
// plugin's label and help, every parameter with its metadata, shown while a plugin in use reads it, and the switches.
// A section may also have fields of its own beside the plugins' (partition.numClients): declared with param() too,
// they are always shown unless the caller says when.
import { z } from 'zod';
import type { ExperimentConfig } from '../../core/config/schema';
import type { ExtensionPoint } from '../../core/extensionPoints';
import { findPlugin, paramMeta, paramsInUse } from '../../core/plugin';
import type { FieldSpec } from './fields';

/**
 * Every field of the extension point's section, in schema order (`schema` is that section's). `extra` adds to the
 * spec of a field by its key, e.g. when a section-level field matters (the studio's words stay in core).
 */
export function pluginFields(
  { section, selector, plugins, switched = [] }: ExtensionPoint,
  schema: z.ZodPrefault<z.ZodObject>,
  extra: Record<string, Partial<FieldSpec>> = {},
): FieldSpec[] {
  const values = (c: ExperimentConfig) => c[section] as Record<string, unknown>;
  const selected = (c: ExperimentConfig) => findPlugin(plugins, String(values(c)[selector]), section);
  const inUse = (c: ExperimentConfig) => [selected(c), ...switched.filter((p) => values(c)[p.name] === true)];
  const pluginParams = new Set([...plugins, ...switched].flatMap((p) => Object.keys(p.params)));
  const hasUnsetDefault = new Set(plugins.flatMap((p) => Object.keys(p.unsetDefaults ?? {})));
  const shape = schema.unwrap().shape;
  for (const key of Object.keys(extra)) {
    if (!(key in shape)) throw new Error(`${section}.${key} is not a field of the section`);
  }
  return Object.entries(shape).map(([key, field]): FieldSpec => {
    const meta = paramMeta.get(field as z.ZodType);
    if (!meta) throw new Error(`${section}.${key} has no label: declare it with param() (core/plugin.ts)`);
    const spec: FieldSpec = { path: `${section}.${key}`, ...meta };
    if (key === selector) {
      spec.choices = Object.fromEntries(plugins.map((p) => [p.name, p.label]));
      spec.choiceHelp = Object.fromEntries(plugins.map((p) => [p.name, p.help]));
    } else if (pluginParams.has(key) && !switched.some((p) => p.name === key)) {
      spec.when = (c) => inUse(c).some((p) => paramsInUse(p, values(c)).includes(key));
    }
    if (hasUnsetDefault.has(key)) {
      spec.defaultFrom = (c) => (selected(c).unsetDefaults as Record<string, number> | undefined)?.[key];
    }
    return { ...spec, ...extra[key] };
  });
}
