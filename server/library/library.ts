// The experiment library over SQLite: experiments (content-addressed configs) and their saved runs.
import { randomBytes } from 'node:crypto';
import type { Database, Statement, Transaction } from 'better-sqlite3';
import type { ExperimentConfig } from '../../core/config/schema';
import type { RunEnvironment, RunMetrics } from '../../core/report/metrics';
import { LibraryError } from '../../shared/library/errors';
import { KEY_PARAMS, keyParams, type KeyParams } from '../../shared/library/keyParams';
import { MAX_RUN_BYTES, megabytes } from '../../shared/library/limits';
import { ACCURACY, DURATION, LOSS, inRange, roundsFromWire, type Range, type WireRounds } from '../../shared/library/metricsSchema';
import type { ExperimentRecord, ExperimentSummary, Page, RunRecord, RunSummary, SavedRun } from '../../shared/library/records';
import { canonicalJson, experimentId } from './contentAddress';
import type { ListInput, SaveRunInput } from './inputs';

/** Rows carry the key parameters as columns. */
interface ExperimentRow extends KeyParams {
  id: string;
  name: string;
  config: string;
  created_at: number;
  run_count: number;
  last_run_at: number | null;
  best_accuracy: number | null;
}

interface RunRow extends KeyParams {
  id: string;
  experiment_id: string;
  name: string;
  notes: string;
  config_name: string;
  backend: RunEnvironment['backend'];
  simd: number;
  workers: number;
  runtime: RunEnvironment['runtime'];
  duration_ms: number;
  rounds_completed: number;
  final_accuracy: number | null;
  final_loss: number | null;
  created_at: number;
  rounds_planned: number;
  group_id: string | null;
  group_index: number | null;
  group_label: string | null;
}

const RUN_COLUMNS = `r.id, r.experiment_id, r.name, r.notes, r.config_name, r.backend, r.simd, r.workers, r.runtime,
  r.duration_ms, r.rounds_completed, r.final_accuracy, r.final_loss, r.created_at, r.group_id, r.group_index, r.group_label,
  json_extract(e.config, '$.rounds') AS rounds_planned, e.dataset, e.partition, e.strategy, e.aggregator, e.attack, e.dp`;

const EXPERIMENT_COLUMNS = `e.id, e.name, e.config, e.created_at, e.dataset, e.partition, e.strategy, e.aggregator, e.attack, e.dp,
  COUNT(r.id) AS run_count, MAX(r.created_at) AS last_run_at,
  MAX(CASE WHEN r.final_accuracy BETWEEN ${ACCURACY.min} AND ${ACCURACY.max} THEN r.final_accuracy END) AS best_accuracy`;

const finiteOrNull = (v: number): number | null => (Number.isFinite(v) ? v : null);
/** A stored summary value, or null when outside its range (saved before ranges were checked: see roundsFromWire). */
const storedIn = (range: Range, v: number | null): number | null => (v !== null && inRange(range, v) ? v : null);
const likePattern = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const paramsOf = (row: KeyParams): KeyParams => Object.fromEntries(KEY_PARAMS.map((k) => [k, row[k]])) as unknown as KeyParams;

const like = (column: string) => `${column} LIKE ? ESCAPE '\\'`;

/**
 * WHERE conditions (and their arguments) for the search words and key-parameter filters. Every word must match
 * `wordMatch`, an SQL expression in which each `?` stands for the word's LIKE pattern.
 */
function searchConditions(input: ListInput, wordMatch: string): { sql: string[]; args: string[] } {
  const sql: string[] = [];
  const args: string[] = [];
  const placeholders = wordMatch.split('?').length - 1;
  for (const word of input.query.split(/\s+/).filter(Boolean)) {
    sql.push(`(${wordMatch})`);
    args.push(...Array<string>(placeholders).fill(likePattern(word)));
  }
  for (const key of KEY_PARAMS) {
    const value = input.filters[key];
    if (value === undefined) continue;
    sql.push(`e.${key} = ?`);
    args.push(value);
  }
  if (input.experimentId !== undefined) {
    sql.push('e.id = ?');
    args.push(input.experimentId);
  }
  return { sql, args };
}

const where = (conditions: string[]) => (conditions.length ? `WHERE ${conditions.join(' AND ')}` : '');
const PARAM_COLUMNS = KEY_PARAMS.map((k) => `e.${k}`);
const RUN_MATCH = ['r.name', 'r.notes', 'e.name', ...PARAM_COLUMNS].map(like).join(' OR ');
// An experiment also matches through the names and notes of its runs.
const EXPERIMENT_MATCH = `${['e.name', ...PARAM_COLUMNS].map(like).join(' OR ')} OR EXISTS (SELECT 1 FROM runs x WHERE x.experiment_id = e.id AND (${like('x.name')} OR ${like('x.notes')}))`;

export class Library {
  private readonly insertExperiment: Statement<unknown[]>;
  private readonly insertRun: Statement<unknown[]>;
  private readonly saveTransaction: Transaction<(input: SaveRunInput, now: number) => SavedRun>;

  constructor(
    readonly db: Database,
    /** Why the library is new, when a damaged one was moved aside at start-up; shown on the library page. */
    readonly notice: string | null = null,
  ) {
    this.insertExperiment = db.prepare(
      `INSERT INTO experiments (id, name, config, dataset, partition, strategy, aggregator, attack, dp, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING`,
    );
    this.insertRun = db.prepare(
      `INSERT INTO runs (id, experiment_id, name, notes, config_name, backend, simd, workers, runtime, duration_ms,
        rounds_completed, final_accuracy, final_loss, rounds, created_at, group_id, group_index, group_label)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.saveTransaction = db.transaction((input: SaveRunInput, now: number) => {
      const { config, environment, rounds } = input.metrics;
      const roundsJson = JSON.stringify(rounds);
      const bytes = Buffer.byteLength(roundsJson);
      if (bytes > MAX_RUN_BYTES) {
        throw new LibraryError(
          'PAYLOAD_TOO_LARGE',
          `run too large to save: ${megabytes(bytes)} of metrics (limit ${megabytes(MAX_RUN_BYTES)}); ` +
            'export it as JSON instead (fedstudio run --out)',
        );
      }
      const { id: expId, created } = this.addExperiment(config, now);
      const last = rounds[rounds.length - 1];
      const id = randomBytes(9).toString('base64url');
      this.insertRun.run(
        id,
        expId,
        input.name ?? config.name,
        input.notes,
        config.name,
        environment.backend,
        environment.simd ? 1 : 0,
        environment.workers,
        environment.runtime,
        input.durationMs ?? rounds.reduce((sum, r) => sum + (Number.isFinite(r.durationMs) ? r.durationMs : 0), 0),
        last.round,
        finiteOrNull(last.testAccuracy),
        finiteOrNull(last.testLoss),
        roundsJson,
        now,
        input.group?.id ?? null,
        input.group?.index ?? null,
        input.group?.label ?? null,
      );
      return { id, experimentId: expId, experimentCreated: created };
    });
  }

  private addExperiment(config: ExperimentConfig, now: number): { id: string; created: boolean } {
    const id = experimentId(config);
    const p = keyParams(config);
    const result = this.insertExperiment.run(
      id, config.name, canonicalJson(config), p.dataset, p.partition, p.strategy, p.aggregator, p.attack, p.dp, now,
    );
    return { id, created: result.changes === 1 };
  }

  /** Saves a run; its experiment is created unless the same config (ignoring its name) is already saved. */
  saveRun(input: SaveRunInput, now = Date.now()): SavedRun {
    return this.saveTransaction.immediate(input, now);
  }

  /** Adds an experiment without runs (an imported config); returns the existing one for a known config. */
  importConfig(config: ExperimentConfig, now = Date.now()): ExperimentRecord {
    const { id } = this.addExperiment(config, now);
    return this.getExperiment(id) as ExperimentRecord;
  }

  listRuns(input: ListInput): Page<RunSummary> {
    const { sql, args } = searchConditions(input, RUN_MATCH);
    if (input.groupId !== undefined) {
      sql.push('r.group_id = ?');
      args.push(input.groupId);
    }
    const from = `FROM runs r JOIN experiments e ON e.id = r.experiment_id ${where(sql)}`;
    // A group's runs are saved one after another: listed on their own, they come base first.
    const order = input.groupId !== undefined ? 'r.group_index' : 'r.created_at DESC, r.rowid DESC';
    const rows = this.db
      .prepare<unknown[], RunRow>(`SELECT ${RUN_COLUMNS} ${from} ORDER BY ${order} LIMIT ? OFFSET ?`)
      .all(...args, input.limit, input.offset);
    const total = this.db.prepare<unknown[], { n: number }>(`SELECT COUNT(*) AS n ${from}`).get(...args)?.n ?? 0;
    return { items: rows.map(runSummary), total };
  }

  listExperiments(input: ListInput): Page<ExperimentSummary> {
    const { sql, args } = searchConditions(input, EXPERIMENT_MATCH);
    const rows = this.db
      .prepare<unknown[], ExperimentRow>(
        `SELECT ${EXPERIMENT_COLUMNS} FROM experiments e LEFT JOIN runs r ON r.experiment_id = e.id ${where(sql)}
         GROUP BY e.id ORDER BY COALESCE(MAX(r.created_at), e.created_at) DESC, e.rowid DESC LIMIT ? OFFSET ?`,
      )
      .all(...args, input.limit, input.offset);
    const total =
      this.db.prepare<unknown[], { n: number }>(`SELECT COUNT(*) AS n FROM experiments e ${where(sql)}`).get(...args)?.n ?? 0;
    return { items: rows.map(experimentSummary), total };
  }

  /** The values each key parameter takes in the library, sorted (for filter menus). */
  facets(): Record<keyof KeyParams, string[]> {
    const values = (key: keyof KeyParams) =>
      this.db.prepare<[], string>(`SELECT DISTINCT ${key} FROM experiments ORDER BY ${key}`).pluck().all();
    return Object.fromEntries(KEY_PARAMS.map((k) => [k, values(k)])) as Record<keyof KeyParams, string[]>;
  }

  getExperiment(id: string): ExperimentRecord | null {
    const row = this.db
      .prepare<[string], ExperimentRow>(
        `SELECT ${EXPERIMENT_COLUMNS} FROM experiments e LEFT JOIN runs r ON r.experiment_id = e.id WHERE e.id = ? GROUP BY e.id`,
      )
      .get(id);
    // Stored configs were validated by experimentSchema when saved.
    return row ? { ...experimentSummary(row), config: JSON.parse(row.config) as ExperimentConfig } : null;
  }

  getRun(id: string): RunRecord | null {
    const row = this.db
      .prepare<[string], RunRow & { rounds: string; config: string }>(
        `SELECT ${RUN_COLUMNS}, r.rounds, e.config FROM runs r JOIN experiments e ON e.id = r.experiment_id WHERE r.id = ?`,
      )
      .get(id);
    if (!row) return null;
    const config = { ...(JSON.parse(row.config) as ExperimentConfig), name: row.config_name };
    return { ...runSummary(row), config, rounds: JSON.parse(row.rounds) as WireRounds };
  }

  /** Deletes a run (its experiment stays, so /e/<id> links keep working); false when there was none. */
  deleteRun(id: string): boolean {
    return this.db.prepare('DELETE FROM runs WHERE id = ?').run(id).changes === 1;
  }

  /** Deletes an experiment and all its runs; returns how many runs went, or null when there was no such experiment. */
  deleteExperiment(id: string): number | null {
    return this.db.transaction(() => {
      const runs = this.db.prepare('DELETE FROM runs WHERE experiment_id = ?').run(id).changes;
      return this.db.prepare('DELETE FROM experiments WHERE id = ?').run(id).changes === 1 ? runs : null;
    }).immediate();
  }
}

/** A saved run in the `fedstudio run --out` format. */
export function runMetricsOf(run: RunRecord): RunMetrics {
  return { config: run.config, environment: run.environment, rounds: roundsFromWire(run.rounds) };
}

function runSummary(row: RunRow): RunSummary {
  return {
    id: row.id,
    experimentId: row.experiment_id,
    name: row.name,
    notes: row.notes,
    createdAt: row.created_at,
    params: paramsOf(row),
    environment: { backend: row.backend, simd: row.simd === 1, workers: row.workers, runtime: row.runtime },
    durationMs: storedIn(DURATION, row.duration_ms),
    roundsCompleted: row.rounds_completed,
    roundsPlanned: row.rounds_planned,
    finalAccuracy: storedIn(ACCURACY, row.final_accuracy),
    finalLoss: storedIn(LOSS, row.final_loss),
    ...(row.group_id !== null && { group: { id: row.group_id, index: row.group_index ?? 0, label: row.group_label ?? '' } }),
  };
}

function experimentSummary(row: ExperimentRow): ExperimentSummary {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    params: paramsOf(row),
    runCount: row.run_count,
    lastRunAt: row.last_run_at,
    bestAccuracy: row.best_accuracy,
  };
}
