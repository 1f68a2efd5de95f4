// Every config change goes through here: validated by the schema and kept consistent. While a run is running or
// paused, a live setting (core/config/liveSettings.ts) changes the running federation from its next round; any other
// change resets the run without asking, keeps its curves as ghosts and offers Undo (issue 14).
import { fieldInfo } from '../../core/config/fieldInfo';
import { CONFIG_RULES } from '../../core/config/rules';
import { configAtRound, isLiveSetting, type ScheduledChange } from '../../core/config/schedule';
import {
  defaultConfig,
  describeIssues,
  experimentFieldsSchema,
  issuesFromMessage,
  type ExperimentConfig,
} from '../../core/config/schema';
import { variantLabel, type VariantSpec } from '../../core/config/variants';
import { getAt, setAt } from './configPath';
import { coordinator } from './coordinatorClient';
import { resetRun } from './runSession';
import { useStudio, type Ghost, type RunStatus, type StudioState } from './store';

/** Appended (once) to the name of a loaded experiment when another setting changes. */
export const MODIFIED_SUFFIX = ' (modified)';
const UNNAMED = defaultConfig().name;

/** A run in these states has a federation to change live (a starting run has none yet). */
const LIVE_STATUSES: readonly RunStatus[] = ['running', 'pausing', 'paused'];

const settingsCache = new WeakMap<ExperimentConfig, ExperimentConfig>();

/**
 * What the settings panel shows: the config with its live changes (`schedule`) applied, i.e. what the run uses now.
 * A change that resets the run starts from these values (the schedule was that run's history).
 */
export function currentSettings(config: ExperimentConfig): ExperimentConfig {
  if (!config.schedule) return config;
  let settings = settingsCache.get(config);
  if (!settings) {
    settings = configAtRound(config, Infinity);
    settingsCache.set(config, settings);
  }
  return settings;
}

/**
 * Keeps dependent fields valid after `path` changed, instead of rejecting the edit, where a rule says how (the CNN
 * falls back to the MLP off MNIST; min clients per round follows the number of clients down).
 */
function reconcile(config: ExperimentConfig, path: string): ExperimentConfig {
  let next = config;
  for (const { check, repair } of CONFIG_RULES) {
    if (repair?.after.includes(path) && check(next).length > 0) next = repair.apply(next);
  }
  return next;
}

/**
 * `after` with its name marked as modified: a named experiment (a preset, a link) changed in another field is no
 * longer what its name says, and share links and saved runs carry the name. Unnamed (the default name) or already
 * marked names stay; so does a config that did not change.
 */
function markNameModified(before: ExperimentConfig, after: ExperimentConfig): ExperimentConfig {
  const { name } = before;
  if (name.trim() === '' || name === UNNAMED || name.endsWith(MODIFIED_SUFFIX)) return after;
  if (JSON.stringify(after) === JSON.stringify(before)) return after;
  const kind = fieldInfo('name').kind;
  const room = (kind.type === 'string' ? kind.maxLength : Infinity) - MODIFIED_SUFFIX.length;
  return { ...after, name: `${name.slice(0, room)}${MODIFIED_SUFFIX}` };
}

/** The current run's curves as ghosts named `before` (and each variant's label when it had several). */
function ghostsOf(state: StudioState, before: string): Ghost[] {
  const several = state.runs.length > 1;
  return state.runs.flatMap((rounds, variant) =>
    rounds.some((r) => r.round >= 1)
      ? [{ label: several ? `${before} · ${state.runLabels[variant] ?? variant}` : before, variant, rounds }]
      : [],
  );
}

/**
 * Applies an edit (`patch`: the config, the variants…). Over a run (not idle) it resets the run: no question, the
 * run's curves stay as ghosts labelled `before` (when it had any rounds) and Undo restores the experiment it ran.
 */
function applyEdit(patch: Partial<StudioState> & { config: ExperimentConfig }, what: string, before: string): void {
  const state = useStudio.getState();
  const apply = () => useStudio.setState((s) => ({ ...patch, run: { ...s.run, totalRounds: patch.config.rounds } }));
  if (state.run.status === 'idle') {
    apply();
    return;
  }
  const ghosts = ghostsOf(state, before);
  useStudio.setState({
    undo: { config: state.config, variants: state.variants, what },
    ...(ghosts.length > 0 ? { ghosts } : {}),
  });
  apply();
  void resetRun();
}

/** "before: α = 100": a field's value in a ghost's label, written as variant labels write it. */
function beforeLabel(config: ExperimentConfig, path: string): string {
  return `before: ${variantLabel(config, { set: { [path]: getAt(config, path) } })}`;
}

/** A live setting changed during a run: the coordinator schedules it for the next round of every variant. */
async function changeLive(path: string, value: unknown): Promise<void> {
  const set = { [path]: value };
  const result = await coordinator().change(set);
  if (!result.ok) {
    const issues = issuesFromMessage(result.message);
    const own = issues.filter((i) => i.path === path || i.path === '');
    reportFieldError(path, (own.length > 0 ? own : issues).map((i) => i.message).join('; '));
    return;
  }
  reportFieldError(path, null);
  useStudio.setState((s) => ({ config: { ...s.config, schedule: scheduleWith(s.config.schedule ?? [], result.round, set) } }));
}

/**
 * The schedule with `set` from `round` on. Changes landing on the same round (a slider dragged between two rounds)
 * merge into one, later values winning: configAtRound applies them in order, so the run replays the same.
 */
function scheduleWith(schedule: readonly ScheduledChange[], round: number, set: Record<string, unknown>): ScheduledChange[] {
  const last = schedule.at(-1);
  if (last?.round === round) return [...schedule.slice(0, -1), { round, set: { ...last.set, ...set } }];
  return [...schedule, { round, set }];
}

/**
 * Changes one field (dotted path). A value outside the field's own type or range is not applied; its message shows
 * next to the field. A value that breaks a rule between fields is applied, so the user can fix either side: the
 * rule's message shows on its field and the experiment cannot run until it holds (preflight.ts).
 * Any other field than the name marks the name as modified until the user types a name (markNameModified).
 * The name never resets a run (it does not change a number).
 */
export function requestChange(path: string, value: unknown, label: string): void {
  const { config, fieldErrors, nameTyped, run } = useStudio.getState();
  const settings = currentSettings(config);
  if (LIVE_STATUSES.includes(run.status) && isLiveSetting(path, settings)) {
    void changeLive(path, value);
    return;
  }
  const changed = reconcile(setAt(settings, path, value), path);
  const candidate = path === 'name' || nameTyped ? changed : markNameModified(settings, changed);
  const result = experimentFieldsSchema.safeParse(candidate);
  if (!result.success) {
    const issues = describeIssues(result.error, candidate);
    const own = issues.filter((i) => i.path === path || i.path.startsWith(`${path}.`));
    const message = (own.length > 0 ? own : issues).map((i) => (own.length > 0 ? i.message : `${i.path}: ${i.message}`));
    useStudio.setState({ fieldErrors: { ...fieldErrors, [path]: message.join('; ') } });
    return;
  }
  if (path in fieldErrors) {
    const rest = { ...fieldErrors };
    delete rest[path];
    useStudio.setState({ fieldErrors: rest });
  }
  if (path === 'name') {
    useStudio.setState({ config: { ...config, name: result.data.name }, nameTyped: true });
    return;
  }
  applyEdit({ config: result.data }, label, beforeLabel(settings, path));
}

/** Shows a field's error without changing the config (e.g. text that is not a number). */
export function reportFieldError(path: string, message: string | null): void {
  const rest = { ...useStudio.getState().fieldErrors };
  if (message === null) delete rest[path];
  else rest[path] = message;
  useStudio.setState({ fieldErrors: rest });
}

/** Replaces the whole experiment (a preset, a pasted link) and its variants, with the name it gives. */
export function replaceConfig(config: ExperimentConfig, what: string, variants: VariantSpec[] = []): void {
  const before = `before: ${currentSettings(useStudio.getState().config).name}`;
  applyEdit({ config, variants, fieldErrors: {}, nameTyped: false }, what, before);
}

/** Replaces the variants (add, edit, remove one): like any other edit, over a run it resets the run. */
export function setVariants(variants: VariantSpec[], what: string): void {
  applyEdit({ config: currentSettings(useStudio.getState().config), variants }, what, 'before');
}

/** Undo of the change that reset a run: the experiment and variants that run had (its curves stay as ghosts). */
export function undoReset(): void {
  const { undo, run } = useStudio.getState();
  if (!undo) return;
  useStudio.setState({
    config: undo.config,
    variants: undo.variants,
    undo: null,
    fieldErrors: {},
    run: { ...run, totalRounds: undo.config.rounds },
  });
  if (run.status !== 'idle') void resetRun();
}

export function clearGhosts(): void {
  useStudio.setState({ ghosts: [] });
}

export function dismissUndo(): void {
  useStudio.setState({ undo: null });
}
