import { constants } from 'node:os';
import { RoundEngine } from '../../core/engine/engine';
import { formatDelta, formatEpsilon } from '../../core/privacy/format';
import type { RunEndReason } from '../../core/engine/events';
import { createNodePoolExecutor } from '../../workers/nodePool';
import { loadConfigFile } from '../configFile';
import { CliError } from '../errors';
import type { RunFlags } from '../flags';
import { RUN_HELP } from '../help';
import { prepareOutputs, writeOutputs, type Output } from '../outputs';
import { createProgress } from '../progress';
import { ROUND_HEADER, metricsCsv, metricsJson, roundLine } from '../report';
import { planWorkers, workerBytes } from '../workers';
import { checkSaveFlags, saveToStudio } from './save';

const EXIT_CODES: Record<Exclude<RunEndReason, 'stopped'>, number> = { completed: 0, diverged: 1, error: 1 };
const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;
/** The shell's convention, 128 + the signal number: 130 for SIGINT, 143 for SIGTERM. */
const signalExitCode = (signal: NodeJS.Signals) => 128 + constants.signals[signal];

export async function runCommand(flags: RunFlags): Promise<number> {
  if (flags.help) {
    process.stdout.write(RUN_HELP);
    return 0;
  }
  if (!flags.file) throw new CliError('run: missing the config file (usage: fedstudio run <config.json> [options])');
  const { config, data } = await loadConfigFile(flags.file, { set: flags.set, rounds: flags.rounds, seed: flags.seed });
  const outputs: Output[] = [];
  if (flags.out) outputs.push({ flag: 'out', file: flags.out });
  if (flags.csv) outputs.push({ flag: 'csv', file: flags.csv });
  checkSaveFlags(flags);
  prepareOutputs(outputs, flags.file);

  const { workers, warnings } = planWorkers(flags.workers, workerBytes(config, data));
  for (const warning of warnings) process.stderr.write(`fedstudio: warning: ${warning}\n`);
  const executor = createNodePoolExecutor({ workers });
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

  // SIGINT (Ctrl-C) and SIGTERM (kill, a scheduler's timeout) both end the run after the rounds done so far, whose
  // metrics are then written as after a full run; a second signal quits at once.
  let stoppedBy: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stoppedBy) process.exit(signalExitCode(signal));
    stoppedBy = signal;
    progress.message(
      signal === 'SIGINT' ? 'stopping… (Ctrl-C again to quit at once)' : `stopping on ${signal}… (send it again to quit at once)`,
    );
    engine.stop();
  };
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  let end;
  try {
    end = await engine.run();
  } finally {
    for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
    progress.end();
    await executor.dispose();
  }

  let saved = true;
  let written = true;
  if (end.rounds > 0 || end.reason === 'completed') {
    const metrics = engine.getMetrics();
    const result = await writeOutputs(
      outputs.map((o) => ({ ...o, content: o.flag === 'out' ? metricsJson(metrics) : metricsCsv(metrics.rounds) })),
    );
    written = !result.failed;
    if (!flags.quiet && end.reason === 'completed') {
      const last = metrics.rounds[metrics.rounds.length - 1];
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const eps = (v: number) => `${formatEpsilon(v)}${v === Infinity ? ' (no noise)' : ''}`;
      const privacy = [
        last.epsilon !== undefined && `ε = ${eps(last.epsilon)}`,
        last.exampleEpsilon !== undefined && `ε per example = ${eps(last.exampleEpsilon)}`,
      ].filter(Boolean);
      const spent = privacy.length > 0 ? `, ${privacy.join(', ')} at δ = ${formatDelta(metrics.config.privacy.delta)}` : '';
      process.stderr.write(`done: test accuracy ${last.testAccuracy.toFixed(4)} after ${end.rounds} rounds${spent} (${seconds} s)\n`);
    }
    if (flags.save) saved = await saveToStudio(metrics, flags, performance.now() - started, result.written.out);
  }
  if (end.reason !== 'completed') process.stderr.write(`fedstudio: ${end.message}\n`);
  // Only a signal stops a CLI run.
  if (end.reason === 'stopped') return signalExitCode(stoppedBy ?? 'SIGINT');
  return EXIT_CODES[end.reason] === 0 && !(saved && written) ? 1 : EXIT_CODES[end.reason];
}
