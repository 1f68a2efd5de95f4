// `fedstudio run --save`: sends the run to a running studio's experiment library through its API.
import { TRPCClientError } from '@trpc/client';
import type { RunMetrics } from '../../core/report/metrics';
import type { RunGroup } from '../../shared/library/records';
import { createLibraryClient } from '../../server/client';
import { MAX_NAME_LENGTH } from '../../shared/library/limits';
import { CliError } from '../errors';
import type { RunFlags } from '../flags';

/** Where the studio started by `npm start` listens. */
export const DEFAULT_SERVER = 'http://127.0.0.1:3000';
const TIMEOUT_MS = 60_000;

/** Fails before training when a save option is given without --save. */
export function checkSaveFlags(flags: RunFlags): void {
  const stray = (['server', 'name', 'notes'] as const).filter((f) => flags[f] !== undefined);
  if (!flags.save && stray.length > 0) throw new CliError(`--${stray[0]} only goes with --save`);
}

/** Why a save failed, in one line: the studio's own message, or what went wrong on the way there. */
function reason(error: unknown): string {
  if (!(error instanceof TRPCClientError)) return error instanceof Error ? error.message : String(error);
  if (error.data) return `the studio refused it: ${error.message}`;
  // fetch rejects with TypeError("fetch failed") whose cause is the network error (ECONNREFUSED, ENOTFOUND, …).
  if (error.cause instanceof TypeError) {
    const network = error.cause.cause as { code?: string; message?: string } | undefined;
    return `cannot connect (${network?.code ?? network?.message ?? error.cause.message}); is the studio running? Start it with: npm start`;
  }
  if (error.cause?.name === 'TimeoutError' || error.cause?.name === 'AbortError') return `no answer within ${TIMEOUT_MS / 1000} s`;
  return `the server did not answer as a FedStudio studio (${error.message})`;
}

/**
 * Saves the run and prints its link on stderr; prints why not and returns false when it could not be saved.
 * `metricsFile`: where the metrics JSON was written, if anywhere. `group`: the run is one variant of a group (its
 * saved name then ends with the variant's label).
 */
export async function saveToStudio(
  metrics: RunMetrics,
  flags: RunFlags,
  durationMs: number,
  metricsFile: string | undefined,
  group?: RunGroup,
): Promise<boolean> {
  const origin = (flags.server ?? DEFAULT_SERVER).replace(/\/+$/, '');
  const name = group ? `${flags.name ?? metrics.config.name} · ${group.label}`.slice(0, MAX_NAME_LENGTH) : flags.name;
  const what = group ? `variant ${group.label}` : 'the run';
  try {
    const saved = await createLibraryClient(origin).runs.save.mutate(
      { name, notes: flags.notes, durationMs, metrics, group },
      { signal: AbortSignal.timeout(TIMEOUT_MS) },
    );
    process.stderr.write(`saved${group ? ` (${group.label})` : ''}: ${origin}/r/${saved.id}\n`);
    return true;
  } catch (error) {
    const kept = metricsFile ? `the metrics are in ${metricsFile}` : 'add --out FILE to keep the metrics when saving fails';
    process.stderr.write(`fedstudio: could not save ${what} to ${origin}: ${reason(error)} (${kept})\n`);
    return false;
  }
}
