// Run progress on stderr: a redrawn bar on a terminal, one plain line per round otherwise. With variants (run side by
// side) the bar counts the rounds of all of them and each line names its variant.
import type { RoundMetrics } from '../core/report/metrics';

export interface Progress {
  roundStarted(round: number, clients: number): void;
  clientDone(): void;
  /** `variant`: the label of the variant whose round this is (runs with variants). */
  roundDone(metrics: RoundMetrics, variant?: string): void;
  /** Writes a line on stdout without garbling the bar. */
  stdout(line: string): void;
  /** Writes a message line on stderr without garbling the bar. */
  message(line: string): void;
  end(): void;
}

const BAR_WIDTH = 24;

function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return '--';
  if (s < 60) return `${Math.round(s)}s`;
  return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
}

/**
 * `totalRounds`: of the run, or of all variants together; `variants`: how many run side by side (their rounds overlap
 * in time, so the time left is the rounds left ÷ variants × the time per round).
 */
export function createProgress(totalRounds: number, enabled: boolean, variants = 1): Progress {
  const err = process.stderr;
  const side = variants > 1;
  const tty = enabled && err.isTTY === true;
  let round = 0;
  let clients = 0;
  let done = 0;
  let trainingMs = 0;
  let completedRounds = 0;

  const eta = () =>
    completedRounds === 0 ? NaN : ((trainingMs / completedRounds) * (totalRounds - completedRounds)) / variants / 1000;
  const draw = () => {
    if (!tty) return;
    const fraction = Math.min(1, (completedRounds + (!side && clients > 0 ? done / clients : 0)) / totalRounds);
    const filled = Math.round(fraction * BAR_WIDTH);
    const bar = '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
    const where = side
      ? `${completedRounds}/${totalRounds} rounds of ${variants} variants`
      : round === 0
        ? 'evaluating the initial model'
        : `round ${round}/${totalRounds}${clients > 0 ? ` · clients ${done}/${clients}` : ' done'}`;
    err.write(`\r\x1b[K${bar} ${where} · ETA ${formatSeconds(eta())}`);
  };
  const clear = () => tty && err.write('\r\x1b[K');

  return {
    roundStarted(r, n) {
      round = r;
      clients = n;
      done = 0;
      draw();
    },
    clientDone() {
      done++;
      draw();
    },
    roundDone(metrics, variant) {
      if (metrics.round === 0) return;
      completedRounds++;
      trainingMs += metrics.durationMs;
      clients = 0;
      done = 0;
      if (tty) draw();
      else if (enabled && variant !== undefined) {
        err.write(`${variant}: round ${metrics.round} done · ${completedRounds}/${totalRounds} · ETA ${formatSeconds(eta())}\n`);
      } else if (enabled) err.write(`round ${metrics.round}/${totalRounds} done · ETA ${formatSeconds(eta())}\n`);
    },
    stdout(line) {
      clear();
      process.stdout.write(`${line}\n`);
      draw();
    },
    message(line) {
      clear();
      err.write(`${line}\n`);
      draw();
    },
    end: clear,
  };
}
