// `fedstudio plugins [section]`: the reference of every extension point, read from the plugin registries, so a new
// aggregator, attack or partitioner is documented here by its own descriptor.
import type { z } from 'zod';
import { fieldInfo, type FieldKind } from '../../core/config/fieldInfo';
import { defaultConfig } from '../../core/config/schema';
import { EXTENSION_POINTS, type ExtensionPoint } from '../../core/extensionPoints';
import { paramMeta, type Plugin } from '../../core/plugin';
import { CliError } from '../errors';
import type { PluginsFlags } from '../flags';
import { PLUGINS_HELP } from '../help';

interface ParamDoc {
  path: string;
  label: string;
  type: string;
  default: string;
  help: string;
}

interface PluginDoc {
  name: string;
  label: string;
  help: string;
  params: ParamDoc[];
}

function typeOf(kind: FieldKind): string {
  switch (kind.type) {
    case 'number':
      return `${kind.integer ? 'integer' : 'number'} ${kind.min}–${kind.max}`;
    case 'enum':
      return kind.options.join(' | ');
    case 'intList':
      return `${kind.minItems}–${kind.maxItems} integers ${kind.min}–${kind.max}`;
    default:
      return kind.type;
  }
}

function paramDoc(point: ExtensionPoint, plugin: Plugin, key: string, schema: z.ZodType): ParamDoc {
  const path = `${point.section}.${key}`;
  const meta = paramMeta.get(schema);
  const value = (defaultConfig()[point.section] as Record<string, unknown>)[key];
  const unset = (plugin.unsetDefaults as Record<string, number> | undefined)?.[key] ?? meta?.defaultLabel ?? 'off';
  const fallback = value === undefined ? `unset: ${unset}` : JSON.stringify(value);
  return { path, label: meta?.label ?? key, type: typeOf(fieldInfo(path).kind), default: fallback, help: meta?.help ?? '' };
}

function pluginDoc(point: ExtensionPoint, plugin: Plugin): PluginDoc {
  const params = Object.entries(plugin.params as Record<string, z.ZodType>).map(([key, schema]) => paramDoc(point, plugin, key, schema));
  return { name: plugin.name, label: plugin.label, help: plugin.help, params };
}

function describePoint(point: ExtensionPoint) {
  return {
    section: point.section,
    selector: `${point.section}.${point.selector}`,
    plugins: point.plugins.map((p) => pluginDoc(point, p)),
    switches: (point.switched ?? []).map((p) => pluginDoc(point, p)),
  };
}

function formatPlugin(doc: PluginDoc, lines: string[]): void {
  lines.push(`  ${doc.name.padEnd(20)} ${doc.label}: ${doc.help}`);
  for (const p of doc.params) lines.push(`      ${p.path}  (${p.type}; default ${p.default})  ${p.help}`);
}

export function pluginsCommand(flags: PluginsFlags): number {
  if (flags.help) {
    process.stdout.write(PLUGINS_HELP);
    return 0;
  }
  const section = flags.file;
  const points = section === undefined ? EXTENSION_POINTS : EXTENSION_POINTS.filter((p) => p.section === section);
  if (points.length === 0) {
    const known = EXTENSION_POINTS.map((p) => p.section).join(', ');
    throw new CliError(`plugins: no extension point "${section}" (expected one of ${known})`);
  }
  const docs = points.map(describePoint);
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(docs, null, 2)}\n`);
    return 0;
  }
  const lines: string[] = [];
  for (const doc of docs) {
    lines.push(`${doc.selector}: choose one with --set ${doc.selector}=<name>`);
    for (const plugin of doc.plugins) formatPlugin(plugin, lines);
    if (doc.switches.length > 0) {
      lines.push(`${doc.section} switches: turn on with --set ${doc.section}.<name>=true`);
      for (const plugin of doc.switches) formatPlugin(plugin, lines);
    }
    lines.push('');
  }
  process.stdout.write(lines.join('\n'));
  return 0;
}
