// Every config change goes through here: validated by the schema, kept consistent, and confirmed by the user when it
// would throw away a run in progress or finished.
import { CONFIG_RULES } from '../../core/config/rules';
import { describeIssues, experimentFieldsSchema, type ExperimentConfig } from '../../core/config/schema';
import { setAt } from './configPath';
import { resetRun } from './runSession';
import { useStudio } from './store';

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

/** Applies `config` now, or after the user confirms that the current run will be reset. */
function applyOrConfirm(config: ExperimentConfig, what: string): void {
  const { run } = useStudio.getState();
  const apply = () => useStudio.setState((s) => ({ config, run: { ...s.run, totalRounds: config.rounds } }));
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
 */
export function requestChange(path: string, value: unknown, label: string): void {
  const { config, fieldErrors } = useStudio.getState();
  const candidate = reconcile(setAt(config, path, value), path);
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
  applyOrConfirm(result.data, label);
}

/** Shows a field's error without changing the config (e.g. text that is not a number). */
export function reportFieldError(path: string, message: string | null): void {
  const rest = { ...useStudio.getState().fieldErrors };
  if (message === null) delete rest[path];
  else rest[path] = message;
  useStudio.setState({ fieldErrors: rest });
}

/** Replaces the whole experiment (a preset, a pasted link). */
export function replaceConfig(config: ExperimentConfig, what: string): void {
  useStudio.setState({ fieldErrors: {} });
  applyOrConfirm(config, what);
}

export function confirmPendingChange(): void {
  const pending = useStudio.getState().pendingChange;
  useStudio.setState({ pendingChange: null });
  pending?.apply();
}

export function cancelPendingChange(): void {
  useStudio.setState({ pendingChange: null });
}
