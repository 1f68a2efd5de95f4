// In a module of its own (re-exported by schema.ts), so that plugins the schema is assembled from can throw it without
// importing the schema back.

/** A config FedStudio cannot run, naming each bad field and the change that fixes it. */
export class ConfigError extends Error {
  constructor(readonly issues: { path: string; message: string }[]) {
    super(issues.map((i) => `${i.path || '(config)'}: ${i.message}`).join('\n'));
    this.name = 'ConfigError';
  }
}
