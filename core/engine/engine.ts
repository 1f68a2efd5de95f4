import { createAggregator, PRE_AGGREGATOR_PLUGINS } from '../aggregate/registry';
import type { AggregationDecision, Aggregator } from '../aggregate/types';
import { cosine } from '../attack/cosine';
import { maliciousClients } from '../attack/malicious';
import { poisonUpdates } from '../attack/poisonUpdates';
import { attackPlugin } from '../attack/registry';
import { allFinite, byClientId, l2Norm } from '../math/vector';
import { changesAt, configAtRound, withChange, workerSideChanged } from '../config/schedule';
import { ConfigError, type ExperimentConfig } from '../config/schema';
import type { PartitionStats } from '../partition/types';
import { createStrategy } from '../strategy/registry';
import type { Strategy } from '../strategy/types';
import { PrivacyLedger, privacyEnabled } from '../privacy/ledger';
import { planRound, type ClientPlan } from './heterogeneity';
import { sampleClients } from './sampling';
import { BYTES_PER_PARAM, UpdatePipeline } from './updatePipeline';
import type { EngineEvent, RunEndReason } from './events';
import type { ClientFault, ClientTask, ClientUpdate, EvalResult, Executor, TrainResult } from './executor';
import type { ClientRoundMetrics, RoundMetrics, RunEnvironment, RunMetrics } from '../report/metrics';

export type RunFinishedEvent = Extract<EngineEvent, { type: 'run-finished' }>;
export type EngineListener = (event: EngineEvent) => void;

export interface RoundEngineOptions {
  /** Reported in the run environment; detected when omitted. */
  runtime?: RunEnvironment['runtime'];
}

type State = 'idle' | 'running' | 'paused' | 'finished';

/** Resolves an in-flight await early when the run is stopped. */
const STOPPED = Symbol('stopped');


/**
 * Runs a federated experiment round by round on an Executor: sample → train → sort by client id → attack → uplink
 * (compression, DP, secure aggregation) and aggregate → server step → centralized evaluation. Round 0 evaluates the
 * initial model. Pure TypeScript: runs in Node and in a browser coordinator worker alike. The caller owns the executor (prepare is called here, dispose is not).
 */
export class RoundEngine {
  private readonly listeners = new Set<EngineListener>();
  /** The run's config: the base and its schedule of live changes (change() appends to it). */
  private current: ExperimentConfig;
  /** The config of the round in flight (configAtRound), and what is built from it. */
  private roundConfig: ExperimentConfig;
  private aggregator: Aggregator;
  private strategy: Strategy;
  private malicious: ReadonlySet<number>;
  private readonly runtime: RunEnvironment['runtime'];
  /** The last round whose run began (0 before round 1): a change applies from the next one. */
  private startedRound = 0;
  private state: State = 'idle';
  private environment: RunEnvironment | null = null;
  private partition: PartitionStats | null = null;
  /** Created once the partition (client sizes) is known. */
  private pipeline: UpdatePipeline | null = null;
  private ledger: PrivacyLedger | null = null;
  private global: Float32Array = new Float32Array(0);
  private readonly rounds: RoundMetrics[] = [];
  private pauseRequested = false;
  private stepping = false;
  private stopRequested = false;
  private resumeGate: (() => void) | null = null;
  private signalStop!: (value: typeof STOPPED) => void;
  private readonly stopSignal = new Promise<typeof STOPPED>((resolve) => (this.signalStop = resolve));
  private resolveFinished!: (event: RunFinishedEvent) => void;
  private readonly finished = new Promise<RunFinishedEvent>((resolve) => (this.resolveFinished = resolve));
  /** Resolvers waiting for the next pause or the end of the run (step()). */
  private haltWaiters: (() => void)[] = [];

  constructor(
    config: ExperimentConfig,
    private readonly executor: Executor,
    options: RoundEngineOptions = {},
  ) {
    this.current = config;
    this.roundConfig = configAtRound(config, 0);
    this.aggregator = createAggregator(this.roundConfig.aggregator, { seed: config.seed });
    this.strategy = createStrategy(this.roundConfig);
    this.runtime = options.runtime ?? detectRuntime();
    this.malicious = maliciousClients(this.roundConfig);
  }

  /** The run's config, with the live changes made so far in its `schedule`: running it again replays them. */
  get config(): ExperimentConfig {
    return this.current;
  }

  /** The round a change made now first applies to: the next round not yet started. */
  get nextRound(): number {
    return this.startedRound + 1;
  }

  /**
   * A live change: from `round` (by default, and at the earliest, the next round not yet started) on, each dotted path
   * of `set` takes its value (LIVE_SETTINGS only, see core/config/liveSettings.ts). Appended to the config's schedule,
   * so getMetrics().config replays it; emits 'changed'. Throws a ConfigError naming the field (`aggregator.name: …`)
   * when the setting is not live, the config it leaves is invalid, or no round is left.
   */
  change(set: Record<string, unknown>, round: number = this.nextRound): { round: number } {
    if (this.state === 'finished') throw new ConfigError([{ path: '', message: 'the run has ended: nothing left to change' }]);
    if (!Number.isInteger(round) || round < this.nextRound) {
      throw new ConfigError([{ path: '', message: `a change applies from round ${this.nextRound} at the earliest (got ${round})` }]);
    }
    this.current = withChange(this.current, round, set);
    this.emit({ type: 'changed', round, set: this.current.schedule!.at(-1)!.set });
    return { round };
  }

  /** Subscribes to the event stream; returns the unsubscribe function. */
  on(listener: EngineListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts (or resumes) the run; resolves when it ends: completed, stopped, diverged or error. */
  run(): Promise<RunFinishedEvent> {
    this.stepping = false;
    this.pauseRequested = false;
    if (this.state === 'idle') this.start();
    else if (this.state === 'paused') this.release();
    return this.finished;
  }

  /** Pauses after the round in flight; emits 'paused'. */
  pause(): void {
    if (this.state === 'running') this.pauseRequested = true;
  }

  resume(): void {
    if (this.state === 'paused') this.release();
    else this.pauseRequested = false;
  }

  /** Runs one more round (from the start: round 0 and round 1), then pauses. Resolves once paused or finished. */
  step(): Promise<void> {
    if (this.state === 'finished') return Promise.resolve();
    const halted = new Promise<void>((resolve) => this.haltWaiters.push(resolve));
    this.stepping = true;
    if (this.state === 'idle') this.start();
    else if (this.state === 'paused') this.release();
    return halted;
  }

  /** Ends the run now; a round in flight is abandoned (its results are ignored). */
  stop(): void {
    if (this.state === 'finished') return;
    this.stopRequested = true;
    if (this.state === 'idle') {
      this.finish('stopped', 'stopped before the first round');
      return;
    }
    this.signalStop(STOPPED);
    if (this.state === 'paused') this.release();
  }

  /** Everything measured so far (round 0 onwards). */
  getMetrics(): RunMetrics {
    if (!this.environment) throw new Error('no metrics yet: the run has not started');
    return { config: this.current, environment: this.environment, rounds: [...this.rounds] };
  }

  /** The current global model (a copy). */
  getGlobalWeights(): Float32Array {
    return this.global.slice();
  }

  private start(): void {
    this.state = 'running';
    void this.loop();
  }

  private release(): void {
    const open = this.resumeGate;
    this.resumeGate = null;
    open?.();
  }

  private async loop(): Promise<void> {
    try {
      if (!(await this.initialize())) return this.finish('stopped', 'stopped before the first round');
      for (;;) {
        const done = this.rounds.length - 1;
        if (this.stopRequested) return this.finish('stopped', `stopped after round ${done}`);
        if (done >= this.current.rounds) return this.finish('completed', `completed ${done} rounds`);
        if (this.pauseRequested) {
          await this.halt(done);
          continue;
        }
        const outcome = await this.runRound(done + 1);
        if (outcome === STOPPED) continue;
        if (outcome.diverged) return this.finish('diverged', outcome.diverged);
        if (this.stepping) {
          this.stepping = false;
          this.pauseRequested = true;
        }
      }
    } catch (error) {
      this.finish('error', error instanceof Error ? error.message : String(error));
    }
  }

  private async halt(round: number): Promise<void> {
    this.pauseRequested = false;
    this.state = 'paused';
    const gate = new Promise<void>((resolve) => (this.resumeGate = resolve));
    this.emit({ type: 'paused', round });
    this.notifyHalted();
    await gate;
    this.state = 'running';
  }

  /** Prepares the executor, emits run-started and evaluates the initial model (round 0). False if stopped. */
  private async initialize(): Promise<boolean> {
    const info = await this.interruptible(this.executor.prepare(this.roundConfig));
    if (info === STOPPED) return false;
    const init = await this.interruptible(Promise.all([this.executor.initialWeights(), this.executor.partitionStats()]));
    if (init === STOPPED) return false;
    [this.global, this.partition] = init;
    this.pipeline = new UpdatePipeline(this.roundConfig, this.aggregator, this.partition.sizes);
    this.ledger = privacyEnabled(this.roundConfig.privacy) ? new PrivacyLedger(this.roundConfig, this.partition.sizes) : null;
    this.environment = { backend: info.backend, simd: info.simd, workers: info.workers, runtime: this.runtime };
    this.emit({ type: 'run-started', config: this.current, partition: this.partition, environment: this.environment });
    const started = performance.now(); // round 0 times the evaluation only, not the workers' start-up
    const test = await this.interruptible(this.evaluateModel(this.global));
    if (test === STOPPED) return false;
    this.record({
      round: 0,
      testAccuracy: test.accuracy,
      testLoss: test.loss,
      federatedAccuracy: NaN,
      durationMs: performance.now() - started,
      bytesUp: 0,
      bytesDown: 0,
      clients: [],
      ...withAttackSuccess(test.attackSuccess),
      ...this.ledger?.spent(),
      ...(this.pipeline.nextClipNorm !== undefined && { clipNorm: this.pipeline.nextClipNorm }),
    });
    return true;
  }

  private async runRound(round: number): Promise<typeof STOPPED | { diverged: string | null }> {
    const started = performance.now();
    this.startedRound = round;
    const changes = changesAt(this.current, round);
    if (changes && (await this.interruptible(this.applyChanges(round))) === STOPPED) return STOPPED;
    const config = this.roundConfig;
    const plans = planRound(config, round, sampleClients(config, round));
    this.emit({
      type: 'round-started',
      round,
      sampled: plans.map((p) => p.clientId),
      dropped: plans.filter((p) => p.dropped).map((p) => p.clientId),
    });
    const tasks: ClientTask[] = plans
      .filter((p) => !p.dropped)
      // Each task gets its own copy: executors may transfer (detach) it to a worker.
      .map((p) => ({ round, clientId: p.clientId, weights: this.global.slice(), workFraction: p.workFraction }));
    const received: TrainResult | typeof STOPPED =
      tasks.length === 0
        ? { updates: [], retried: [], lost: [] }
        : await this.interruptible(
            this.executor.train(tasks, (u) => {
              if (!this.stopRequested) this.emit({ type: 'client-done', round, clientId: u.clientId });
            }),
          );
    if (received === STOPPED) return STOPPED;
    const lost = new Set(received.lost.map((f) => f.clientId));
    const honest = byClientId(received.updates);
    this.checkUpdates(tasks.filter((t) => !lost.has(t.clientId)), honest);
    const updates = poisonUpdates(config, round, honest, this.malicious, this.global);
    // Forged updates with ±∞ or NaN (the inf attack): named if the run diverges.
    const nonFinite = updates === honest ? [] : updates.filter((u) => this.malicious.has(u.clientId) && !allFinite(u.delta));

    let next = this.global;
    const attack = config.attack.kind !== 'none' ? { decisions: new Map<number, AggregationDecision>() } : null;
    const pipeline = this.pipeline!;
    const uplink = await this.interruptible(
      pipeline.run(round, plans.map((p) => p.clientId), updates, {
        round,
        global: this.global,
        ...(attack && { onDecision: (id: number, d: AggregationDecision) => attack.decisions.set(id, d) }),
      }),
    );
    if (uplink === STOPPED) return STOPPED;
    const { aggregate } = uplink;
    if (aggregate) next = this.strategy.step(this.global, aggregate, round);
    const privacy = this.ledger?.record(aggregate ? updates : [], config);
    const test = await this.interruptible(this.evaluateModel(next));
    if (test === STOPPED) return STOPPED;
    this.global = next;

    const bytesPerModel = BYTES_PER_PARAM * this.global.length;
    this.record({
      round,
      testAccuracy: test.accuracy,
      testLoss: test.loss,
      federatedAccuracy: federatedAccuracy(updates),
      durationMs: performance.now() - started,
      bytesUp: uplink.bytesUp,
      bytesDown: bytesPerModel * plans.length,
      clients: this.clientMetrics(plans, lost, updates, attack && { decisions: attack.decisions, aggregate }),
      ...withAttackSuccess(test.attackSuccess),
      ...privacy,
      ...(uplink.clipNorm !== undefined && { clipNorm: uplink.clipNorm, clippedFraction: uplink.clippedFraction }),
      ...(uplink.secureAggregation && { secureAggregation: uplink.secureAggregation }),
      ...(changes && { changes }),
      ...roundNote([
        ...faultNotes(received),
        updates.length === 0 ? 'every sampled client dropped out: the global model is unchanged' : uplink.note,
      ]),
    });
    return { diverged: divergence(round, test.loss, this.global, config, nonFinite.map((u) => u.clientId)) };
  }

  /**
   * Moves to the config of `round` (a scheduled change first applies) and rebuilds what depends on what changed. A
   * changed aggregator gets a fresh instance (centered clipping's previous aggregate starts over). A changed strategy
   * keeps its server state (FedAvgM's velocity, FedOpt's moments) when only its parameters change — an optimiser
   * whose η changes keeps its momentum — and starts from zero when another strategy takes over (createStrategy).
   * The update pipeline carries its own state over (error feedback, the adaptive clip norm). The malicious set is
   * that of the new config (a superset when the fraction rises). Sampling and stragglers read the round's config.
   * The workers are re-prepared only when a field they read changed (they keep the data, partition and model).
   */
  private async applyChanges(round: number): Promise<void> {
    const before = this.roundConfig;
    const after = configAtRound(this.current, round);
    this.roundConfig = after;
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    if (!same(before.aggregator, after.aggregator)) this.aggregator = createAggregator(after.aggregator, { seed: after.seed });
    if (!same(before.strategy, after.strategy)) this.strategy = createStrategy(after, this.strategy);
    this.malicious = maliciousClients(after);
    this.pipeline = new UpdatePipeline(after, this.aggregator, this.partition!.sizes, this.pipeline ?? undefined);
    if (workerSideChanged(before, after)) await this.executor.prepare(after);
  }

  private checkUpdates(tasks: ClientTask[], updates: ClientUpdate[]): void {
    const expected = tasks.map((t) => t.clientId).sort((a, b) => a - b);
    const got = updates.map((u) => u.clientId);
    if (expected.join() !== got.join()) {
      throw new Error(`executor returned updates for clients [${got}] but was asked for [${expected}]`);
    }
  }

  /** Centralized evaluation, plus the attack success when the attack has a target and the executor measures it. */
  private async evaluateModel(weights: Float32Array): Promise<EvalResult & { attackSuccess?: number }> {
    const test = await this.executor.evaluate(weights.slice());
    if (this.roundConfig.attack.kind === 'none' || !this.executor.attackSuccess) return test;
    const success = await this.executor.attackSuccess(weights.slice());
    return Number.isNaN(success) ? test : { ...test, attackSuccess: success };
  }

  /** `attack` (attack runs only): the aggregator's decisions and the aggregate, for the per-client attack fields. */
  private clientMetrics(
    plans: ClientPlan[],
    lost: ReadonlySet<number>,
    updates: readonly ClientUpdate[],
    attack: { decisions: Map<number, AggregationDecision>; aggregate: Float32Array | null } | null,
  ): ClientRoundMetrics[] {
    const byId = new Map(updates.map((u) => [u.clientId, u]));
    return plans.map(({ clientId, dropped, straggler }) => {
      const u = byId.get(clientId);
      const decision = attack?.decisions.get(clientId);
      return {
        id: clientId,
        numExamples: u?.numExamples ?? this.partition?.sizes[clientId] ?? 0,
        trainLoss: u?.trainLoss ?? NaN,
        localAccuracy: u?.localAccuracy ?? NaN,
        updateNorm: u ? l2Norm(u.delta) : NaN,
        dropped: dropped || lost.has(clientId),
        straggler,
        ...(attack && {
          malicious: this.malicious.has(clientId),
          ...(u && attack.aggregate && { cosineToAggregate: cosine(u.delta, attack.aggregate) }),
          ...(decision && { decision }),
        }),
      };
    });
  }

  private record(metrics: RoundMetrics): void {
    this.rounds.push(metrics);
    this.emit({ type: 'round-done', metrics });
  }

  private finish(reason: RunEndReason, message: string): void {
    if (this.state === 'finished') return;
    this.state = 'finished';
    const event: RunFinishedEvent = { type: 'run-finished', reason, message, rounds: Math.max(0, this.rounds.length - 1) };
    this.emit(event);
    this.resolveFinished(event);
    this.notifyHalted();
  }

  private notifyHalted(): void {
    const waiters = this.haltWaiters;
    this.haltWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** Awaits `work` unless stop() comes first; a late rejection of abandoned work is ignored. */
  private interruptible<T>(work: Promise<T>): Promise<T | typeof STOPPED> {
    work.catch(() => undefined);
    return Promise.race([work, this.stopSignal]);
  }

  /** A throwing listener must not corrupt the run: its error is re-thrown outside the engine. */
  private emit(event: EngineEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        setTimeout(() => {
          throw error;
        });
      }
    }
  }
}

/** What the executor had to do about lost workers this round, for the round's note. */
function faultNotes({ retried, lost }: TrainResult): string[] {
  const describe = (faults: ClientFault[], what: string): string[] => {
    if (faults.length === 0) return [];
    const reasons = [...new Set(faults.map((f) => f.reason))].join('; ');
    return [`client${faults.length > 1 ? 's' : ''} ${faults.map((f) => f.clientId).join(', ')} ${what} (${reasons})`];
  };
  return [
    ...describe(retried, 'retried on a fresh worker'),
    ...describe(lost, 'lost on two workers in a row, counted as dropped'),
  ];
}

function roundNote(notes: (string | undefined)[]): { note?: string } {
  const text = notes.filter(Boolean).join('; ');
  return text ? { note: text } : {};
}

function withAttackSuccess(attackSuccess: number | undefined): { attackSuccess?: number } {
  return attackSuccess === undefined ? {} : { attackSuccess };
}

/** Example-weighted mean of the reporting clients' localAccuracy; NaN when none reported one. */
function federatedAccuracy(updates: readonly ClientUpdate[]): number {
  let sum = 0;
  let weight = 0;
  for (const u of updates) {
    if (!Number.isFinite(u.localAccuracy)) continue;
    sum += u.numExamples * u.localAccuracy;
    weight += u.numExamples;
  }
  return weight > 0 ? sum / weight : NaN;
}

/**
 * Why the run must stop after `round`, naming the likely cause; null while the loss and the weights are finite.
 * `nonFinite`: the malicious clients whose forged update this round had ±∞ or NaN in it.
 */
export function divergence(
  round: number,
  testLoss: number,
  weights: Float32Array,
  config: ExperimentConfig,
  nonFinite: readonly number[] = [],
): string | null {
  const symptom = !Number.isFinite(testLoss)
    ? `test loss is ${testLoss}`
    : !allFinite(weights) && 'the global model has NaN or infinite weights';
  if (!symptom) return null;
  const cause = nonFinite.length > 0 ? nonFiniteCause(config, nonFinite) : divergenceCause(config, round);
  return `training diverged at round ${round}: ${symptom} — ${cause}`;
}

/** An attack that sent ±∞ or NaN, and the aggregator that let it through. */
function nonFiniteCause({ attack, aggregator }: ExperimentConfig, clients: readonly number[]): string {
  const who = `${clients.length === 1 ? 'client' : 'clients'} ${clients.join(', ')}`;
  // Named as createAggregator names it: the pre-aggregators switched on first (e.g. "nnm+median").
  const rule = [...PRE_AGGREGATOR_PLUGINS.filter((p) => aggregator[p.name]).map((p) => p.name), aggregator.name].join('+');
  return (
    `cause: the ${attack.kind} attack: malicious ${who} sent non-finite updates (±∞ or NaN), which aggregator ` +
    `"${rule}" let into the aggregate; median, trimmed-mean (with trimCount ≥ the attackers per round), ` +
    'krum, multi-krum, bulyan and norm-bound drop them (without DP, whose clipping turns them into NaN)'
  );
}

/** The setting that most likely blew the model up, and what to change: the learning rate unless noise or an attack stands out. */
function divergenceCause(config: ExperimentConfig, round: number): string {
  const { privacy, attack } = config;
  const lr = ['fedavgm', 'fedadam', 'fedyogi', 'fedadagrad'].includes(config.strategy.name)
    ? 'lower the learning rate (train.lr) or the server learning rate (strategy.serverLr)'
    : 'lower the learning rate';
  const poisons = attackPlugin(attack.kind).unbounded === true;
  const attacking = poisons && round >= attack.startRound && (attack.count ?? attack.fraction) > 0;
  // DP clips every update, the attackers' too: only the unclipped plain mean lets an update of any size through.
  if (attacking && privacy.mode === 'none' && config.aggregator.name === 'mean') {
    return `likely cause: the ${attack.kind} attack, which the plain mean does not resist (a robust aggregator.name, e.g. median, does); otherwise ${lr}`;
  }
  if (privacy.mode === 'central' && privacy.noiseMultiplier > 0) {
    return `likely cause: the central DP noise (privacy.noiseMultiplier = ${privacy.noiseMultiplier}): lower it or privacy.clipNorm, or sample more clients per round; otherwise ${lr}`;
  }
  if (privacy.mode === 'local') {
    return `likely cause: the local DP noise (privacy.localEpsilon = ${privacy.localEpsilon}): raise privacy.localEpsilon or lower privacy.clipNorm; otherwise ${lr}`;
  }
  if (privacy.dpSgd && privacy.dpSgdNoiseMultiplier > 0) {
    return `likely cause: the DP-SGD noise (privacy.dpSgdNoiseMultiplier = ${privacy.dpSgdNoiseMultiplier}): lower it or raise train.batchSize; otherwise ${lr}`;
  }
  return lr;
}

function detectRuntime(): RunEnvironment['runtime'] {
  const proc = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof proc?.versions?.node === 'string' ? 'node' : 'browser';
}
