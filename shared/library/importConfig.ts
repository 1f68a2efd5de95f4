import { ConfigError, parseConfig, type ExperimentConfig } from '../../core/config/schema';
import { LibraryError } from './errors';

/** Parses an uploaded config file's text; errors name the JSON problem or every invalid field. */
export function parseConfigText(text: string): ExperimentConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new LibraryError('BAD_REQUEST', `the file is not valid JSON (${(error as Error).message})`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new LibraryError('BAD_REQUEST', 'the file must contain a JSON object (an experiment config)');
  }
  try {
    return parseConfig(json);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const list = error.issues.map((i) => `${i.path || '(config)'}: ${i.message}`).join('; ');
    throw new LibraryError('BAD_REQUEST', `invalid config: ${list}`, error.issues);
  }
}
