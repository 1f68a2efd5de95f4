import { randomUUID } from 'node:crypto';
import { constants } from 'node:os';
import { VariantRun } from '../../core/engine/variantRun';
import type { RunEndReason } from '../../core/engine/events';
import { formatDelta, formatEpsilon } from '../../core/privacy/format';
import type { RunMetrics } from '../../core/report/metrics';
import { variantsCsv, variantsJson } from '../../core/report/runExport';
import { createNodePoolExecutor } from '../../workers/nodePool';
import { loadConfigFile } from '../configFile';
import { CliError } from '../errors';
import type { RunFlags } from '../flags';
import { RUN_HELP } from '../help';
import { prepareOutputs, writeOutputs, type Output } from '../outputs';
import { createProgress } from '../progress';
import { ROUND_HEADER, metricsCsv, metricsJson, roundLine } from '../report';
import { loadVariants, variantsOf } from '../variants';
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
  const base = await loadConfigFile(flags.file, { set: flags.set, rounds: flags.rounds, seed: flags.seed });
  const { config } = base;
  // With --variant, the config and each variant run side by side on one pool (core/engine/variantRun.ts).
  const variants = variantsOf(config, flags.variant);
  const { configs, labels } = variants;
  const side = configs.length > 1;
  const loaded = await loadVariants(base, variants, flags.variant);
  const outputs: Output[] = [];
  if (flags.out) outputs.push({ flag: 'out', file: flags.out });
  if (flags.csv) outputs.push({ flag: 'csv', file: flags.csv });
  checkSaveFlags(flags);
  prepareOutputs(outputs, flags.file);

  // Variants share a worker's data when they share (seed, data); each adds its model. The largest is the estimate.
  const { workers, warnings } = planWorkers(flags.workers, Math.max(...loaded.map((l) => workerBytes(l.config, l.data))));
  for (const warning of warnings) process.stderr.write(`fedstudio: warning: ${warning}\n`);
  const executor = createNodePoolExecutor({ workers });
  const run = new VariantRun(configs, executor, { runtime: 'node' });
  const progress = createProgress(
    configs.reduce((sum, c) => sum + c.rounds, 0),
    !flags.quiet,
    configs.length,
  );
  const width = Math.max('variant'.length, ...labels.map((l) => l.length));
  const prefix = (k: number) => (side ? `${labels[k].padEnd(width)}  ` : '');
  const started = performance.now();
  let announced = false;
  run.on((k, event) => {
    if (event.type === 'run-started' && !flags.quiet && !announced) {
      announced = true;
      const { backend, simd, workers } = event.environment;
      const what = side ? `${configs.length} variants side by side (${labels.join(' | ')}), ${config.rounds} rounds` : `${config.rounds} rounds`;
      progress.message(`${config.name}: ${what} on ${workers} worker(s), ${backend}${simd ? ' + SIMD' : ''}`);
      progress.stdout(side ? `${'variant'.padEnd(width)}  ${ROUND_HEADER}` : ROUND_HEADER);
    } else if (event.type === 'round-started') progress.roundStarted(event.round, event.sampled.length - event.dropped.length);
    else if (event.type === 'client-done') progress.clientDone();
    else if (event.type === 'round-done') {
      if (!flags.quiet) progress.stdout(prefix(k) + roundLine(event.metrics));
      progress.roundDone(event.metrics, side ? labels[k] : undefined);
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
    run.stop();
  };
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  let ends;
  try {
    ends = await run.run();
  } finally {
    for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
    progress.end();
    await executor.dispose();
  }

  let saved = true;
  let written = true;
  const metrics = run.engines.map((engine): RunMetrics | null => {
    try {
      return engine.getMetrics();
    } catch {
      return null; // stopped before it started
    }
  });
  if (metrics.every((m) => m !== null) && ends.some((end) => end.rounds > 0 || end.reason === 'completed')) {
    const all = metrics as RunMetrics[];
    const content = (flag: Output['flag']) => {
      if (!side) return flag === 'out' ? metricsJson(all[0]) : metricsCsv(all[0].rounds);
      return flag === 'out' ? variantsJson(all) : variantsCsv(all.map((m, k) => ({ label: labels[k], rounds: m.rounds })));
    };
    const result = await writeOutputs(outputs.map((o) => ({ ...o, content: content(o.flag) })));
    written = !result.failed;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    all.forEach((m, k) => {
      if (flags.quiet || ends[k].reason !== 'completed') return;
      process.stderr.write(`done: ${side ? `${labels[k]}: ` : ''}${summary(m, ends[k].rounds)} (${seconds} s)\n`);
    });
    if (flags.save) {
      const group = side ? randomUUID() : undefined;
      for (const [k, m] of all.entries()) {
        const ok = await saveToStudio(m, flags, performance.now() - started, result.written.out, group ? { id: group, index: k, label: labels[k] } : undefined);
        saved &&= ok;
      }
    }
  }
  ends.forEach((end, k) => {
    if (end.reason !== 'completed') process.stderr.write(`fedstudio: ${side ? `${labels[k]}: ` : ''}${end.message}\n`);
  });
  // Only a signal stops a CLI run.
  if (ends.some((end) => end.reason === 'stopped')) return signalExitCode(stoppedBy ?? 'SIGINT');
  const code = Math.max(...ends.map((end) => EXIT_CODES[end.reason as Exclude<RunEndReason, 'stopped'>]));
  return code === 0 && !(saved && written) ? 1 : code;
}

/** "test accuracy 0.9130 after 10 rounds, ε = 1.2 at δ = 1e-5". */
function summary(metrics: RunMetrics, rounds: number): string {
  const last = metrics.rounds[metrics.rounds.length - 1];
  const eps = (v: number) => `${formatEpsilon(v)}${v === Infinity ? ' (no noise)' : ''}`;
  const privacy = [
    last.epsilon !== undefined && `ε = ${eps(last.epsilon)}`,
    last.exampleEpsilon !== undefined && `ε per example = ${eps(last.exampleEpsilon)}`,
  ].filter(Boolean);
  const spent = privacy.length > 0 ? `, ${privacy.join(', ')} at δ = ${formatDelta(metrics.config.privacy.delta)}` : '';
  return `test accuracy ${last.testAccuracy.toFixed(4)} after ${rounds} rounds${spent}`;
}
