// `--set path=value`: dotted paths checked against the experiment schema before they touch the config.
import { assignPath, fieldPathProblem } from '../core/config/fieldPath';
import { CliError } from './errors';

type JsonObject = Record<string, unknown>;

/** The value of `--set`: JSON when it parses as JSON (numbers, booleans, arrays…), else the raw string. */
export function parseValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Splits `path=value` (the path checked against the schema) or throws a CliError naming `flag` and the fix. */
export function parseAssignment(assignment: string, flag = '--set'): { path: string; value: unknown } {
  const eq = assignment.indexOf('=');
  const path = assignment.slice(0, Math.max(eq, 0)).trim();
  if (eq < 0 || path === '') throw new CliError(`${flag} ${assignment}: expected path=value, e.g. ${flag} train.lr=0.1`);
  const problem = fieldPathProblem(path);
  if (problem) throw new CliError(`${flag} ${path}: ${problem}`);
  return { path, value: parseValue(assignment.slice(eq + 1)) };
}

/** Applies one `path=value` assignment to a raw (not yet validated) config object, in place. */
export function applySet(config: JsonObject, assignment: string): void {
  const { path, value } = parseAssignment(assignment);
  const problem = assignPath(config, path, value);
  if (problem) throw new CliError(`--set ${path}: ${problem.replace('in the config', 'in the config file')}`);
}
