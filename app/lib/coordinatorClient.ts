// The one coordinator worker of the page (module singleton: React effects may run twice, the worker must not).
import * as Comlink from 'comlink';
import type { CoordinatorApi } from '../../workers/coordinator.worker';

let remote: Comlink.Remote<CoordinatorApi> | null = null;

/** The coordinator worker, created on first use. `onCrash` hears about errors the worker could not report itself. */
export function coordinator(onCrash?: (message: string) => void): Comlink.Remote<CoordinatorApi> {
  if (!remote) {
    const worker = new Worker(new URL('../../workers/coordinator.worker.ts', import.meta.url), { name: 'coordinator' });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      onCrash?.(event.message || 'the coordinator worker failed to start');
    });
    remote = Comlink.wrap<CoordinatorApi>(worker);
  }
  return remote;
}
