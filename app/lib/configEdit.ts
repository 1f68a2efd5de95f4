// Every config change goes through here: validated by the schema, kept consistent, and confirmed by the user when it
// would throw away a run in progress or finished.
import { fieldInfo } from '../../core/config/fieldInfo';
import { CONFIG_RULES } from '../../core/config/rules';
import { defaultConfig, describeIssues, experimentFieldsSchema, type ExperimentConfig } from '../../core/config/schema';
import { setAt } from './configPath';
import { resetRun } from './runSession';
import { useStudio, type StudioState } from './store';

/** Appended (once) to the name of a loaded experiment when another setting changes. */
export const MODIFIED_SUFFIX = ' (modified)';
const UNNAMED = defaultConfig().name;

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

/** Applies `config` (and `also`) now, or after the user confirms that the current run will be reset. */
function applyOrConfirm(config: ExperimentConfig, what: string, also: Partial<StudioState> = {}): void {
  const { run } = useStudio.getState();
  const apply = () => useStudio.setState((s) => ({ ...also, config, run: { ...s.run, totalRounds: config.rounds } }));
  if (run.status === 'idle') {
    apply();
    return;
  }
  useStudio.setState({
    pendingChange: {
      what,
      apply: () => {
        void resetRun().then(apply);
      },
    },
  });
}

/**
 * Changes one field (dotted path). A value outside the field's own type or range is not applied; its message shows
 * next to the field. A value that breaks a rule between fields is applied, so the user can fix either side: the
 * rule's message shows on its field and the experiment cannot run until it holds (preflight.ts).
 * Any other field than the name marks the name as modified until the user types a name (markNameModified).
 */
export function requestChange(path: string, value: unknown, label: string): void {
  const { config, fieldErrors, nameTyped } = useStudio.getState();
  const changed = reconcile(setAt(config, path, value), path);
  const candidate = path === 'name' || nameTyped ? changed : markNameModified(config, changed);
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
  applyOrConfirm(result.data, label, path === 'name' ? { nameTyped: true } : {});
}

/** Shows a field's error without changing the config (e.g. text that is not a number). */
export function reportFieldError(path: string, message: string | null): void {
  const rest = { ...useStudio.getState().fieldErrors };
  if (message === null) delete rest[path];
  else rest[path] = message;
  useStudio.setState({ fieldErrors: rest });
}

/** Replaces the whole experiment (a preset, a pasted link), with the name it gives. */
export function replaceConfig(config: ExperimentConfig, what: string): void {
  useStudio.setState({ fieldErrors: {} });
  applyOrConfirm(config, what, { nameTyped: false });
}

export function confirmPendingChange(): void {
  const pending = useStudio.getState().pendingChange;
  useStudio.setState({ pendingChange: null });
  pending?.apply();
}

export function cancelPendingChange(): void {
  useStudio.setState({ pendingChange: null });
}
