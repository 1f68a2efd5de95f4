// Which settings may change while a federation runs, and the checks of a schedule of such changes. Schema-free (the
// schema imports this file to validate `schedule`); configAtRound, which parses, is in schedule.ts.
import type { ConfigIssue } from './rules';
import type { ExperimentConfig } from './schema';

/** A change of a running federation: from round `round` (≥ 1) on, each dotted config path of `set` takes its value. */
export interface ScheduledChange {
  round: number;
  set: Record<string, unknown>;
}

/**
 * The settings that may change during a run: a section (every field under it) or one field. They act on the server
 * (aggregation, the server step, central-DP noise), on who takes part (sampling, dropouts, stragglers) or on what the
 * malicious clients do; none of them changes the data, the partition, the model or the seed, so the run stays one
 * experiment. The attack section is live whole: the malicious set is maliciousClients(the config at that round), a
 * function of (seed, clients, count), and its draw is a prefix of one seeded permutation, so raising the fraction adds
 * attackers to the same ones (core/attack/malicious.ts). Central DP's z and S are live when central DP runs from the
 * start (the ledger composes each round's RDP); S only under fixed clipping (adaptive clipping moves it itself).
 */
export const LIVE_SETTINGS = [
  'aggregator',
  'strategy',
  'attack',
  'sampling',
  'system',
  'privacy.noiseMultiplier',
  'privacy.clipNorm',
] as const;

const SECTIONS = new Set<string>(['aggregator', 'strategy', 'attack', 'sampling', 'system']);
const LIVE_LIST = 'aggregator.*, strategy.*, attack.*, sampling.*, system.*, privacy.noiseMultiplier and privacy.clipNorm (central DP)';

/**
 * Why `path` cannot change during a run of `config`; null when it can. Without `config`, only whether it is listed
 * in LIVE_SETTINGS (the privacy fields also need central DP from the start).
 */
export function liveSettingProblem(path: string, config?: Pick<ExperimentConfig, 'privacy'>): string | null {
  const [section] = path.split('.');
  const listed = SECTIONS.has(section) ? path !== section : (LIVE_SETTINGS as readonly string[]).includes(path);
  if (!listed) {
    return `\`${path}\` cannot change during a run: live settings are ${LIVE_LIST}; changing any other setting starts a new run`;
  }
  if (section !== 'privacy' || !config) return null;
  if (config.privacy.mode !== 'central') {
    return `\`${path}\` can change during a run only under central DP (privacy.mode "central" from the start)`;
  }
  if (path === 'privacy.clipNorm' && config.privacy.clipping === 'adaptive') {
    return '`privacy.clipNorm` cannot change during a run under adaptive clipping, which moves the clip norm itself';
  }
  return null;
}

/** Whether `path` may change during a run of `config` (see LIVE_SETTINGS). */
export function isLiveSetting(path: string, config?: Pick<ExperimentConfig, 'privacy'>): boolean {
  return liveSettingProblem(path, config) === null;
}

/** A copy of `config` with each dotted path of `set` set to its value (copy on write: `config` is untouched). */
export function applySet<T>(config: T, set: Record<string, unknown>): T {
  const put = (node: unknown, keys: readonly string[], value: unknown): unknown => {
    if (keys.length === 0) return value;
    const object = typeof node === 'object' && node !== null && !Array.isArray(node) ? (node as Record<string, unknown>) : {};
    return { ...object, [keys[0]]: put(object[keys[0]], keys.slice(1), value) };
  };
  return Object.entries(set).reduce<unknown>((cfg, [path, value]) => put(cfg, path.split('.'), value), config) as T;
}

/**
 * The issues of `config.schedule`, each on its field (`schedule.1.round`, `schedule.0.set.aggregator.name`): rounds in
 * 1..rounds and non-decreasing, only live paths, and the config from each change's round valid — `check` returns the
 * issues of a candidate config (the schema's own, passed in so this file stays schema-free).
 */
export function scheduleIssues(config: ExperimentConfig, check: (candidate: unknown) => ConfigIssue[]): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const { schedule = [], ...base } = config;
  let current: unknown = base;
  schedule.forEach(({ round, set }, i) => {
    const at = `schedule.${i}`;
    if (round > config.rounds) issues.push({ path: `${at}.round`, message: `must be ≤ rounds (${config.rounds})` });
    const previous = schedule[i - 1]?.round ?? 1;
    if (round < previous) issues.push({ path: `${at}.round`, message: `must be ≥ the previous change's round (${previous})` });
    const paths = Object.keys(set);
    if (paths.length === 0) issues.push({ path: `${at}.set`, message: 'names no setting: give at least one path, e.g. "aggregator.name"' });
    const problems = paths.flatMap((path) => {
      const message = liveSettingProblem(path, base);
      return message ? [{ path: `${at}.set.${path}`, message }] : [];
    });
    issues.push(...problems);
    if (problems.length > 0) return;
    current = applySet(current, set);
    for (const issue of check(current)) issues.push(onChange(issue, at, paths, round));
  });
  return issues;
}

/** An issue of the config a change produced, on the changed path it concerns, else on the change's set. */
function onChange(issue: ConfigIssue, at: string, paths: readonly string[], round: number): ConfigIssue {
  const own = paths.find((p) => issue.path === p || issue.path.startsWith(`${p}.`) || p.startsWith(`${issue.path}.`));
  if (own !== undefined) return { path: `${at}.set.${own}`, message: issue.message };
  return { path: `${at}.set`, message: `from round ${round}, ${issue.path || 'the config'}: ${issue.message}` };
}
