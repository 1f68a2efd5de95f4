// Starts the coordinator worker and keeps the user's worker-pool size (a browser setting, not part of the experiment).
import { coordinator } from './coordinatorClient';
import { reportFieldError } from './configEdit';
import { useStudio } from './store';

const POOL_SIZE_KEY = 'fedstudio-workers';

function storedPoolSize(max: number): number | null {
  try {
    const v = Number(localStorage.getItem(POOL_SIZE_KEY));
    return Number.isInteger(v) && v >= 1 && v <= max ? v : null;
  } catch {
    return null;
  }
}

/** Connects to the coordinator and learns what this browser offers (SIMD, cores). */
export async function initRuntime(): Promise<void> {
  const remote = coordinator((message) => useStudio.setState({ runtimeError: message }));
  try {
    const hardware = await remote.init({ origin: location.origin });
    useStudio.setState({ hardware, poolSize: storedPoolSize(hardware.maxWorkers) });
  } catch (error) {
    useStudio.setState({ runtimeError: error instanceof Error ? error.message : String(error) });
  }
}

export function setPoolSize(size: number): void {
  reportFieldError('workers', null);
  useStudio.setState({ poolSize: size });
  try {
    localStorage.setItem(POOL_SIZE_KEY, String(size));
  } catch {
    // Storage unavailable: the choice lasts for this page only.
  }
}
