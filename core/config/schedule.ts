// Live changes as history that replays: a config's `schedule` lists the changes made while it ran, so a saved run's
// config, run again, makes the same changes at the same rounds and gives the same numbers.
import { clientTraining } from '../strategy/registry';
import { applySet } from './liveSettings';
import { ConfigError, parseConfig, type ExperimentConfig } from './schema';

export { LIVE_SETTINGS, applySet, isLiveSetting, liveSettingProblem, type ScheduledChange } from './liveSettings';

/** The config that round `round` runs with: the base with every change of round ≤ `round` applied in order, no schedule. */
export function configAtRound(config: ExperimentConfig, round: number): ExperimentConfig {
  const { schedule = [], ...base } = config;
  const applied = schedule.filter((c) => c.round <= round);
  // The schema checked every change's resulting config, so this parse only fills what the changes left to defaults.
  return applied.length === 0 ? base : parseConfig(applied.reduce((cfg, c) => applySet(cfg, c.set), base));
}

/** What the changes first applying at `round` set (later changes of a path win); undefined when none does. */
export function changesAt(config: ExperimentConfig, round: number): Record<string, unknown> | undefined {
  const due = (config.schedule ?? []).filter((c) => c.round === round);
  return due.length === 0 ? undefined : Object.assign({}, ...due.map((c) => c.set));
}

/**
 * `config` with `set` scheduled for `round`, validated as a whole. Throws a ConfigError whose issues name the paths
 * of `set` (`aggregator.name: …`), as a form showing `set`'s fields wants them.
 */
export function withChange(config: ExperimentConfig, round: number, set: Record<string, unknown>): ExperimentConfig {
  const schedule = [...(config.schedule ?? []), { round, set }];
  try {
    return parseConfig({ ...config, schedule });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const prefix = `schedule.${schedule.length - 1}.`;
    const own = error.issues.filter((i) => i.path.startsWith(prefix));
    const issues = (own.length > 0 ? own : error.issues).map(({ path, message }) => {
      if (path === `${prefix}round`) return { path: '', message: `no round left to change (the run has ${config.rounds})` };
      return { path: path === `${prefix}set` ? '' : path.replace(`${prefix}set.`, ''), message };
    });
    throw new ConfigError(issues);
  }
}

/**
 * Whether the client workers must be re-prepared to go from `before` to `after`: the client runtime reads, of the
 * live settings, the attack (which clients poison their data, how, and the attack-success test set) and the
 * strategy's client-side hook (FedProx μ). Everything else live is the server's (core/runtime/clientRuntime.ts).
 */
export function workerSideChanged(before: ExperimentConfig, after: ExperimentConfig): boolean {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return !same(before.attack, after.attack) || !same(clientTraining(before.strategy), clientTraining(after.strategy));
}
