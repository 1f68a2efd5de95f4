// `fedstudio run --variant path=value[,path=value…]`: each flag one variant of the config, run side by side with it.
import { ConfigError, type ExperimentConfig } from '../core/config/schema';
import { MAX_VARIANTS, variantConfigs, variantLabels, type VariantSpec } from '../core/config/variants';
import { loadExperiment, partitioned, type LoadedExperiment } from './configFile';
import { parseAssignment } from './configPath';
import { CliError } from './errors';

/** A comma starts the next assignment only before `path=` (so `model.hidden=[64,32]` keeps its comma). */
const NEXT_ASSIGNMENT = /,(?=\s*[A-Za-z_]\w*(?:\.\w+)*\s*=)/;

/** One --variant value as a spec; each path=value parsed as --set parses it. */
export function parseVariantFlag(flag: string): VariantSpec {
  const set: Record<string, unknown> = {};
  for (const part of flag.split(NEXT_ASSIGNMENT)) {
    const { path, value } = parseAssignment(part.trim(), `--variant`);
    if (path in set) throw new CliError(`--variant ${flag}: ${path} is given twice — keep one value`);
    set[path] = value;
  }
  return { set };
}

export interface Variants {
  /** Base first. */
  configs: ExperimentConfig[];
  labels: string[];
}

/** The base and its --variant configs, validated before anything runs; a problem names the flag, the path and the fix. */
export function variantsOf(base: ExperimentConfig, flags: readonly string[]): Variants {
  if (flags.length > MAX_VARIANTS - 1) {
    throw new CliError(
      `--variant: at most ${MAX_VARIANTS - 1} variants besides the config (${MAX_VARIANTS} runs side by side), got ${flags.length} — drop ${flags.length - MAX_VARIANTS + 1}`,
    );
  }
  const specs = flags.map(parseVariantFlag);
  try {
    return { configs: variantConfigs(base, specs), labels: variantLabels(base, specs) };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const { path, message } = error.issues[0];
    const match = /^variants\.(\d+)(?:\.set\.(.+))?$/.exec(path);
    if (!match) throw new CliError(`--variant: ${path}: ${message}`);
    const flag = flags[Number(match[1]) - 1];
    throw new CliError(`--variant ${flag}: ${match[2] ? `${match[2]}: ` : ''}${message}`);
  }
}

/**
 * Checks, before training, what only the data can tell (the partition) for each variant; a variant with the base's
 * (seed, data) reuses its loaded data, one with its partition too needs nothing more. Returns each config's data,
 * base first.
 */
export async function loadVariants(base: LoadedExperiment, variants: Variants, flags: readonly string[]): Promise<LoadedExperiment[]> {
  const key = (c: ExperimentConfig, partition: boolean) => JSON.stringify([c.seed, c.data, partition ? c.partition : null]);
  return Promise.all(
    variants.configs.map(async (config, k) => {
      if (k === 0) return base;
      if (key(config, true) === key(base.config, true)) return { ...base, config };
      try {
        return key(config, false) === key(base.config, false) ? partitioned(config, base.data) : await loadExperiment(config);
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        throw new CliError(`--variant ${flags[k - 1]}: ${error.issues.map((i) => `${i.path || '(config)'}: ${i.message}`).join('; ')}`);
      }
    }),
  );
}
