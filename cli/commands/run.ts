import { writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { RoundEngine } from '../../core/engine/engine';
import { formatDelta } from '../../core/privacy/format';
import type { RunEndReason } from '../../core/engine/types';
import { createNodePoolExecutor } from '../../workers/nodePool';
import { loadConfigFile } from '../configFile';
import { CliError } from '../errors';
import type { RunFlags } from '../flags';
import { RUN_HELP } from '../help';
import { createProgress } from '../progress';
import { ROUND_HEADER, metricsCsv, metricsJson, roundLine } from '../report';
import { checkSaveFlags, saveToStudio } from './save';

const EXIT_CODES: Record<RunEndReason, number> = { completed: 0, stopped: 130, diverged: 1, error: 1 };

/** Fails before training rather than after it when an output file cannot be written. */
function checkOutput(flag: string, file: string | undefined): void {
  if (file === undefined) return;
  const dir = path.dirname(path.resolve(file));
  if (!existsSync(dir)) throw new CliError(`--${flag}: directory does not exist: ${dir}`);
}

export async function runCommand(flags: RunFlags): Promise<number> {
  if (flags.help) {
    process.stdout.write(RUN_HELP);
    return 0;
  }
  if (!flags.file) throw new CliError('run: missing the config file (usage: fedstudio run <config.json> [options])');
  const config = await loadConfigFile(flags.file, { set: flags.set, rounds: flags.rounds, seed: flags.seed });
  checkOutput('out', flags.out);
  checkOutput('csv', flags.csv);
  checkSaveFlags(flags);

  const executor = createNodePoolExecutor({ workers: flags.workers });
  const engine = new RoundEngine(config, executor, { runtime: 'node' });
  const progress = createProgress(config.rounds, !flags.quiet);
  const started = performance.now();
  engine.on((event) => {
    if (event.type === 'run-started' && !flags.quiet) {
      const { backend, simd, workers } = event.environment;
      progress.message(`${config.name}: ${config.rounds} rounds on ${workers} worker(s), ${backend}${simd ? ' + SIMD' : ''}`);
      progress.stdout(ROUND_HEADER);
    } else if (event.type === 'round-started') progress.roundStarted(event.round, event.sampled.length - event.dropped.length);
    else if (event.type === 'client-done') progress.clientDone();
    else if (event.type === 'round-done') {
      if (!flags.quiet) progress.stdout(roundLine(event.metrics));
      progress.roundDone(event.metrics);
    }
  });

  let interrupts = 0;
  const onInterrupt = () => {
    if (++interrupts > 1) process.exit(130);
    progress.message('stopping… (Ctrl-C again to quit at once)');
    engine.stop();
  };
  process.on('SIGINT', onInterrupt);
  let end;
  try {
    end = await engine.run();
  } finally {
    process.off('SIGINT', onInterrupt);
    progress.end();
    await executor.dispose();
  }

  let saved = true;
  if (end.rounds > 0 || end.reason === 'completed') {
    const metrics = engine.getMetrics();
    if (flags.out) await writeFile(flags.out, metricsJson(metrics));
    if (flags.csv) await writeFile(flags.csv, metricsCsv(metrics.rounds));
    if (!flags.quiet && end.reason === 'completed') {
      const last = metrics.rounds[metrics.rounds.length - 1];
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const eps = (v: number) => (v === Infinity ? '∞ (no noise)' : v.toFixed(2));
      const privacy = [
        last.epsilon !== undefined && `ε = ${eps(last.epsilon)}`,
        last.exampleEpsilon !== undefined && `ε per example = ${eps(last.exampleEpsilon)}`,
      ].filter(Boolean);
      const spent = privacy.length > 0 ? `, ${privacy.join(', ')} at δ = ${formatDelta(metrics.config.privacy.delta)}` : '';
      process.stderr.write(`done: test accuracy ${last.testAccuracy.toFixed(4)} after ${end.rounds} rounds${spent} (${seconds} s)\n`);
    }
    if (flags.save) saved = await saveToStudio(metrics, flags, performance.now() - started);
  }
  if (end.reason !== 'completed') process.stderr.write(`fedstudio: ${end.message}\n`);
  return EXIT_CODES[end.reason] === 0 && !saved ? 1 : EXIT_CODES[end.reason];
}
