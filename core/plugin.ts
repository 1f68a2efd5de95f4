// Self-describing plugins: an aggregator, attack, partitioner, … declares its name, words, parameters (zod, with the
// studio's metadata) and a factory that takes only its own parameters. Each extension point keeps a list of them; the
// config schema's section, the CLI's --set, the share URL and the studio's fields are all assembled from that list,
// so adding a plugin is adding its file and one registry line. (Shape after tldraw's createTLSchema({ shapes }).)
import { z } from 'zod';

/** What the studio shows for one parameter; ranges, integer-ness and choices come from its zod schema. */
export interface ParamMeta {
  label: string;
  /** One line: what it does, with the formula. */
  help: string;
  /** Logarithmic slider, for ranges spanning decades. */
  log?: boolean;
  /** Slider step of a linear slider (integers step by 1). */
  step?: number;
  /** Optional parameters: what applies while unset, named by its formula (e.g. "n − f"). */
  defaultLabel?: string;
  /** May change while a run is in flight: the next round uses the new value. */
  live?: boolean;
  /** Enum parameters: a label per value. */
  choices?: Record<string, string>;
}

/** The metadata of every parameter schema, read by the studio (app/lib/fields.ts). */
export const paramMeta = z.registry<ParamMeta>();

/** A parameter: its zod schema (with range and default) and what the studio shows for it. */
export function param<T extends z.ZodType>(schema: T, meta: ParamMeta): T {
  paramMeta.add(schema, meta);
  return schema;
}

export interface Plugin<Params extends z.ZodRawShape = z.ZodRawShape, Instance = unknown, Env = unknown> {
  /** The config value that selects it, e.g. aggregator.name = "krum". */
  readonly name: string;
  readonly label: string;
  /** One line: what it does, and the paper or reference implementation its formula follows. */
  readonly help: string;
  /**
   * Its parameters, flat in the config section beside the plugin's name. A parameter several plugins read (e.g. the
   * aggregators' f) is declared once and the same schema object listed by each.
   */
  readonly params: Params;
  /**
   * What its optional parameters are while unset, where that is one number for this plugin: a parameter several
   * plugins share whose fallback differs between them (a strategy's serverLr: FedAdam 0.1, FedYogi 0.01). The studio
   * shows it as the field's default; `create` applies the same number.
   */
  readonly unsetDefaults?: { readonly [K in keyof Params]?: number };
  /** Parameters that matter only for some values of the others (the studio hides them otherwise). */
  reads?(params: z.output<z.ZodObject<Params>>): readonly (keyof Params)[];
  /** A fresh (possibly stateful) instance from its own parameters and what the run provides (e.g. the seed). */
  create(params: z.output<z.ZodObject<Params>>, env: Env): Instance;
}

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
/** Every parameter of every plugin of a list, as one zod shape. */
export type ParamsOf<P extends Plugin> = UnionToIntersection<P['params']>;
type NamesOf<P extends readonly Plugin[]> = { [K in P[number]['name']]: K };

/** Every parameter of `plugins`, merged; throws at load when two plugins give one key different schemas. */
export function mergeParams<P extends Plugin>(plugins: readonly P[]): ParamsOf<P> {
  const merged: Record<string, z.ZodType> = {};
  for (const plugin of plugins) {
    for (const [key, schema] of Object.entries(plugin.params as Record<string, z.ZodType>)) {
      if (merged[key] && merged[key] !== schema) {
        throw new Error(`plugin "${plugin.name}" redeclares parameter "${key}": share the one schema object instead`);
      }
      merged[key] = schema;
    }
  }
  return merged as ParamsOf<P>;
}

/**
 * One optional boolean per plugin, named after it, for plugins that are switched on rather than chosen
 * (pre-aggregators), labelled with the plugin's own words. Unset is off, so adding one changes no existing config.
 */
export function switches<const P extends readonly Plugin[]>(plugins: P) {
  return Object.fromEntries(plugins.map((p) => [p.name, switchOf(p, z.boolean().optional())])) as {
    [K in P[number]['name']]: z.ZodOptional<z.ZodBoolean>;
  };
}

/** The boolean field that switches `plugin` on, with its words. */
export function switchOf<T extends z.ZodType>(plugin: Plugin, schema: T): T {
  return param(schema, { label: plugin.label, help: plugin.help });
}

/** The enum of a plugin list's names, with a default. */
export function pluginNames<const P extends readonly Plugin[]>(plugins: P, fallback: P[number]['name']) {
  const names = plugins.map((p) => p.name) as [string, ...string[]];
  if (new Set(names).size !== names.length) throw new Error(`two plugins share a name in [${names.join(', ')}]`);
  return z.enum(names as unknown as NamesOf<P>).default(fallback as never);
}

/** The plugin called `name`, or an error listing the known ones. */
export function findPlugin<P extends Plugin>(plugins: readonly P[], name: string, what: string): P {
  const plugin = plugins.find((p) => p.name === name);
  if (!plugin) throw new Error(`unknown ${what} "${name}": use one of ${plugins.map((p) => p.name).join(', ')}`);
  return plugin;
}

/** The parameters `plugin` reads with these values (all its own unless it says otherwise): the studio shows these. */
export function paramsInUse(plugin: Plugin, section: Record<string, unknown>): readonly string[] {
  return plugin.reads ? (plugin.reads(section as never) as readonly string[]) : Object.keys(plugin.params);
}
