// Starts a TypeScript worker entry under worker_threads: tsx's loader hooks are not inherited by workers (and
// `execArgv: ['--import', 'tsx']` does not apply them to the entry), so register them here, then import the entry.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
