// The library API: experiments (content-addressed configs) and their saved runs.
import { configDiff } from '../../shared/library/configDiff';
import { LibraryError } from '../../shared/library/errors';
import { parseConfigText } from '../../shared/library/importConfig';
import { exportRun } from '../library/exportRun';
import { runMetricsOf } from '../library/library';
import { compareInput, exportInput, idInput, importInput, listInput, saveRunInput } from '../library/inputs';
import { procedure, router } from './init';

function found<T>(value: T | null, what: string, id: string): T {
  if (value === null) throw new LibraryError('NOT_FOUND', `no ${what} with id ${id} in the library`);
  return value;
}

const experiments = router({
  list: procedure.input(listInput).query(({ ctx, input }) => ctx.library.listExperiments(input)),
  get: procedure.input(idInput).query(({ ctx, input }) => found(ctx.library.getExperiment(input.id), 'experiment', input.id)),
  /** Distinct values of each key parameter, for filter menus. */
  facets: procedure.query(({ ctx }) => ctx.library.facets()),
  /** Validates a config file's text and adds it as an experiment (the existing one if the config is known). */
  importConfig: procedure.input(importInput).mutation(({ ctx, input }) => ctx.library.importConfig(parseConfigText(input.json))),
  delete: procedure
    .input(idInput)
    .mutation(({ ctx, input }) => ({ runsDeleted: found(ctx.library.deleteExperiment(input.id), 'experiment', input.id) })),
});

const runs = router({
  save: procedure.input(saveRunInput).mutation(({ ctx, input }) => ctx.library.saveRun(input)),
  list: procedure.input(listInput).query(({ ctx, input }) => ctx.library.listRuns(input)),
  get: procedure.input(idInput).query(({ ctx, input }) => found(ctx.library.getRun(input.id), 'run', input.id)),
  delete: procedure.input(idInput).mutation(({ ctx, input }) => {
    if (!ctx.library.deleteRun(input.id)) found(null, 'run', input.id);
    return { deleted: input.id };
  }),
  export: procedure.input(exportInput).query(({ ctx, input }) => {
    const run = found(ctx.library.getRun(input.id), 'run', input.id);
    return exportRun(runMetricsOf(run), run.name, run.id, input.format);
  }),
  /** 2–4 runs with their metrics, and their configs side by side. */
  compare: procedure.input(compareInput).query(({ ctx, input }) => {
    const list = input.ids.map((id) => found(ctx.library.getRun(id), 'run', id));
    return { runs: list, diff: configDiff(list.map((r) => r.config)) };
  }),
});

export const appRouter = router({
  experiments,
  runs,
  /** What the library page should tell the user about the database (e.g. a damaged one was moved aside). */
  status: procedure.query(({ ctx }) => ({ notice: ctx.library.notice })),
});
export type AppRouter = typeof appRouter;
