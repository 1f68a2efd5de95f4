// The studio's fields of a plugin section, generated from its plugins (core/plugin.ts): the selector with each
// plugin's label and help, every parameter with its metadata, shown while a plugin in use reads it, and the switches.
import { z } from 'zod';
import type { ExperimentConfig } from '../../core/config/schema';
import { findPlugin, paramMeta, paramsInUse, type Plugin } from '../../core/plugin';
import type { FieldSpec } from './fields';

type SectionName = { [K in keyof ExperimentConfig]: ExperimentConfig[K] extends object ? K : never }[keyof ExperimentConfig];

export interface PluginSection {
  /** The config section, e.g. "aggregator". */
  section: SectionName;
  /** Its schema (the studio reads each field's metadata from it). */
  schema: z.ZodPrefault<z.ZodObject>;
  /** The field that selects one of `plugins`, e.g. "name". */
  selector: string;
  plugins: readonly Plugin[];
  /** Plugins switched on by a boolean field of their name (pre-aggregators). */
  switched?: readonly Plugin[];
}

/** Every field of the section, in schema order. */
export function pluginFields({ section, schema, selector, plugins, switched = [] }: PluginSection): FieldSpec[] {
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
