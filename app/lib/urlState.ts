// The experiment in the URL hash: "#v1.<base64url(deflate(JSON of the fields that differ from the defaults))>".
// Decoding never throws: bad fields fall back to their defaults and are reported by name.
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { migrateConfig } from '../../core/config/migrations';
import { ConfigError, defaultConfig, describeIssues, experimentSchema, type ExperimentConfig } from '../../core/config/schema';
import { variantConfigs, variantSpecSchema, MAX_VARIANTS, type VariantSpec } from '../../core/config/variants';
import { deleteAt, diff, isPlainObject } from './configPath';

/** Bump with a migration in decodeConfigHash when the encoding (not the config schema) changes. */
export const URL_FORMAT_VERSION = 1;
const PREFIX = `v${URL_FORMAT_VERSION}.`;

export interface ConfigIssue {
  path: string;
  message: string;
}

/** The path of an issue with the link as a whole (it could not be read), not with one field. */
export const LINK_ISSUE = '(link)';

export interface DecodedConfig {
  config: ExperimentConfig;
  /** The variants run beside the config (the link's top-level `variants` key); bad ones are dropped and reported. */
  variants: VariantSpec[];
  /** Empty when the hash was valid (or absent). */
  issues: ConfigIssue[];
}

/** The top-level key of the link's JSON holding the variants, next to the config's fields that differ from the defaults. */
const VARIANTS_KEY = 'variants';

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The hash (without "#") for `config` and its variants; "" when it is the defaults alone. */
export function encodeConfigHash(config: ExperimentConfig, variants: readonly VariantSpec[] = []): string {
  const changed = diff(config, defaultConfig());
  const payload = variants.length > 0 ? { ...(isPlainObject(changed) ? changed : {}), [VARIANTS_KEY]: variants } : changed;
  if (payload === undefined) return '';
  return PREFIX + toBase64Url(deflateSync(strToU8(JSON.stringify(payload)), { level: 9 }));
}

/**
 * The link's variants, each checked alone (its shape by the variants schema, then as a config over `config`): a bad
 * one is dropped and named (`variants.2.set.aggregator.name: …`, the base being variant 0), the others kept.
 */
function decodeVariants(input: unknown, config: ExperimentConfig): { variants: VariantSpec[]; issues: ConfigIssue[] } {
  if (input === undefined) return { variants: [], issues: [] };
  if (!Array.isArray(input)) return { variants: [], issues: [{ path: VARIANTS_KEY, message: 'must be a list of variants: dropped' }] };
  const variants: VariantSpec[] = [];
  const issues: ConfigIssue[] = [];
  input.forEach((raw, i) => {
    const where = `${VARIANTS_KEY}.${i + 1}`;
    if (variants.length >= MAX_VARIANTS - 1) {
      issues.push({ path: where, message: `at most ${MAX_VARIANTS - 1} variants besides the base: dropped` });
      return;
    }
    const parsed = variantSpecSchema.safeParse(raw);
    if (!parsed.success) {
      issues.push(...describeIssues(parsed.error, raw).map((issue) => ({ path: issue.path ? `${where}.${issue.path}` : where, message: `${issue.message} (variant dropped)` })));
      return;
    }
    try {
      variantConfigs(config, [parsed.data]);
      variants.push(parsed.data);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      // variantConfigs numbers a lone spec 1: name it by its place in the link.
      issues.push(...error.issues.map((issue) => ({ path: issue.path.replace(/^variants\.1/, where), message: `${issue.message} (variant dropped)` })));
    }
  });
  return { variants, issues };
}

/**
 * Reads a hash ("#v1.…" or "v1.…"); an absent hash gives the defaults. A link that cannot be read at all gives
 * `current` when there is one (a link pasted into an open studio keeps its experiment), else the defaults.
 */
export function decodeConfigHash(hash: string, current?: ExperimentConfig): DecodedConfig {
  const fallback = (message: string): DecodedConfig => ({
    config: current ?? defaultConfig(),
    variants: [],
    issues: [
      { path: LINK_ISSUE, message: `${message}: ${current ? 'kept the current experiment' : 'using the default experiment'}` },
    ],
  });
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text === '') return { config: defaultConfig(), variants: [], issues: [] };
  const version = /^v(\d+)\./.exec(text);
  if (!version) return fallback('the link does not hold a FedStudio experiment (expected "#v1.…")');
  if (Number(version[1]) !== URL_FORMAT_VERSION) {
    return fallback(`the link uses format v${version[1]}; this studio reads v${URL_FORMAT_VERSION}`);
  }
  let input: unknown;
  try {
    input = JSON.parse(strFromU8(inflateSync(fromBase64Url(text.slice(version[0].length)))));
  } catch {
    return fallback('the link is damaged (its data could not be decoded)');
  }
  if (!isPlainObject(input)) return fallback('the link does not hold an experiment object');
  const { [VARIANTS_KEY]: variantsInput, ...configInput } = input;
  input = configInput;
  // A link made for an older config version is brought to the current one first, as parseConfig does; once, here,
  // not in repairConfig's loop, where a dropped field could otherwise be migrated again.
  try {
    input = migrateConfig(input);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return fallback(`the link was ${error.issues.map((i) => i.message).join('; ')}`);
  }
  const repaired = repairConfig(input);
  const decoded = decodeVariants(variantsInput, repaired.config);
  return { config: repaired.config, variants: decoded.variants, issues: [...repaired.issues, ...decoded.issues] };
}

/**
 * Validates `input`, a config of the current version (see migrateConfig); every field the schema rejects is reset to
 * its default and named in `issues`. It needs zod's own issues to know what to drop, hence experimentSchema rather
 * than parseConfig.
 */
export function repairConfig(input: unknown): Omit<DecodedConfig, 'variants'> {
  let current: unknown = isPlainObject(input) ? input : {};
  const issues: ConfigIssue[] = [];
  const seen = new Set<string>();
  for (;;) {
    const result = experimentSchema.safeParse(current);
    if (result.success) return { config: result.data, issues };
    for (const issue of describeIssues(result.error, current)) {
      const key = `${issue.path}\u0000${issue.message}`;
      if (!seen.has(key)) issues.push(issue);
      seen.add(key);
    }
    const before = JSON.stringify(current);
    for (const issue of result.error.issues) current = dropIssue(current, issue.path, issue);
    // A rule can fail on a field that is already at its default (e.g. minClients > numClients): drop its parent.
    for (const issue of result.error.issues) {
      if (JSON.stringify(current) !== before) break;
      current = dropParent(current, issue.path);
    }
    if (JSON.stringify(current) === before) current = {};
  }
}

/** Object-key prefix of a zod path (array indices cut off): the part deleteAt can remove. */
function objectPath(path: readonly PropertyKey[]): string[] {
  const out: string[] = [];
  for (const key of path) {
    if (typeof key !== 'string') break;
    out.push(key);
  }
  return out;
}

function dropIssue(current: unknown, path: readonly PropertyKey[], issue: { code: string; keys?: string[] }): unknown {
  const base = objectPath(path);
  if (issue.code === 'unrecognized_keys' && issue.keys && base.length === path.length) {
    return issue.keys.reduce((acc, key) => deleteAt(acc, [...base, key].join('.')), current);
  }
  return base.length === 0 ? {} : deleteAt(current, base.join('.'));
}

function dropParent(current: unknown, path: readonly PropertyKey[]): unknown {
  const base = objectPath(path).slice(0, -1);
  return base.length === 0 ? current : deleteAt(current, base.join('.'));
}
