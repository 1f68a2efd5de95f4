// What stops the current experiment from running, found before any worker starts: the schema's rules between fields
// (the same check the CLI makes) and the partition preview (the one check that needs the data). Each problem shows on
// the field its path names; Run and Step refuse while there is any.
import { ConfigError, describeIssues, experimentSchema, issuesFromMessage, type ExperimentConfig } from '../../core/config/schema';
import { variantConfigs, type VariantSpec } from '../../core/config/variants';
import { coordinator } from './coordinatorClient';
import { runOrResume, stepOneRound } from './runSession';
import { useStudio, type StudioState } from './store';
import type { ConfigIssue } from './urlState';

export interface Preflight {
  issues: ConfigIssue[];
  /** The issues' messages by config path (several on one path joined), for the settings panel. */
  byPath: Record<string, string>;
}

const CLEAR: Preflight = { issues: [], byPath: {} };
let last: { config: ExperimentConfig; variants: VariantSpec[]; partitionError: string | null; result: Preflight } | null = null;

/** The variants' problems, each on `variants.<i>.set.<path>` or `variants.<i>` (the base being variant 0). */
function variantIssues(config: ExperimentConfig, variants: VariantSpec[]): ConfigIssue[] {
  if (variants.length === 0) return [];
  try {
    variantConfigs(config, variants);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.issues;
    throw error;
  }
}

/** The problems of the current state; the same object while config and partition result are unchanged (a stable store selector). */
export function preflight(state: Pick<StudioState, 'config' | 'variants' | 'partition'>): Preflight {
  const { config, variants } = state;
  const partitionError = state.partition.error;
  if (last?.config === config && last.variants === variants && last.partitionError === partitionError) return last.result;
  const parsed = experimentSchema.safeParse(config);
  const issues = [
    ...(parsed.success ? variantIssues(parsed.data, variants) : describeIssues(parsed.error, config)),
    ...(partitionError === null ? [] : issuesFromMessage(partitionError)),
  ];
  const byPath: Record<string, string> = {};
  for (const { path, message } of issues) byPath[path] = byPath[path] ? `${byPath[path]}; ${message}` : message;
  const result = issues.length === 0 ? CLEAR : { issues, byPath };
  last = { config, variants, partitionError, result };
  return result;
}

/** One line per problem, naming its field: the reason Run gives. */
export function describePreflight({ issues }: Preflight): string {
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
}

/**
 * Run or Step, from the buttons or the shortcut. A new run starts only when nothing blocks it, and the partition is
 * checked once more first: the preview may still be computing the last edit, and a partition that cannot be made
 * must not reach the client workers.
 */
export async function runWhenReady(mode: 'run' | 'step'): Promise<void> {
  const { status } = useStudio.getState().run;
  if ((status === 'idle' || status === 'finished') && !(await readyToStart())) return;
  await (mode === 'run' ? runOrResume() : stepOneRound());
}

async function readyToStart(): Promise<boolean> {
  const { config } = useStudio.getState();
  if (preflight(useStudio.getState()).issues.length > 0) return false;
  const preview = await coordinator().previewPartition(config);
  if (preview.ok) return true;
  const state = useStudio.getState();
  if (state.config === config) useStudio.setState({ partition: { stats: state.partition.stats, error: preview.message } });
  return false;
}
