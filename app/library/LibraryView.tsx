'use client';
import { useEffect, useState } from 'react';
import type { KeyParams } from '../../shared/library/keyParams';
import { COMPARE_MAX, COMPARE_MIN } from '../../shared/library/limits';
import type { ExperimentSummary, Page, RunSummary } from '../../shared/library/records';
import { apiErrorMessage, libraryApi } from '../lib/trpc';
import ui from '../components/studio/ui.module.css';
import styles from './_components/library.module.css';
import { ExperimentsTable } from './ExperimentsTable';
import { FilterBar, type Filters } from './FilterBar';
import { ImportConfig } from './ImportConfig';
import { RunsTable } from './RunsTable';

const PAGE_SIZE = 50;
const SEARCH_DELAY_MS = 250;

interface Results {
  runs: Page<RunSummary>;
  experiments: Page<ExperimentSummary>;
}

export function LibraryView() {
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState({ query: '', filters: {} as Filters, limit: PAGE_SIZE });
  const [results, setResults] = useState<Results | null>(null);
  const [facets, setFacets] = useState<Record<keyof KeyParams, string[]> | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  /** What the server says about the database itself, e.g. that a damaged one was moved aside. */
  const [notice, setNotice] = useState<string | null>(null);
  /** Bumped after a change, to reload. */
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    const input = { query: search.query, filters: search.filters, limit: search.limit };
    Promise.all([
      libraryApi.runs.list.query(input),
      libraryApi.experiments.list.query(input),
      libraryApi.experiments.facets.query(),
      libraryApi.status.query(),
    ]).then(
      ([runs, experiments, values, status]) => {
        if (!current) return;
        setResults({ runs, experiments });
        setFacets(values);
        setNotice(status.notice);
        setError(null);
      },
      (e: unknown) => current && setError(apiErrorMessage(e)),
    );
    return () => {
      current = false;
    };
  }, [search, version]);

  // Search once typing pauses.
  useEffect(() => {
    const timer = setTimeout(() => setSearch((s) => (s.query === query ? s : { ...s, query, limit: PAGE_SIZE })), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query]);

  const mutate = (action: () => Promise<unknown>) =>
    action().then(
      () => setVersion((v) => v + 1),
      (e: unknown) => setError(apiErrorMessage(e)),
    );
  const deleteRun = (id: string) => {
    setSelected((s) => s.filter((x) => x !== id));
    void mutate(() => libraryApi.runs.delete.mutate({ id }));
  };
  const deleteExperiment = (id: string) => {
    const gone = new Set(results?.runs.items.filter((r) => r.experimentId === id).map((r) => r.id));
    setSelected((s) => s.filter((x) => !gone.has(x)));
    void mutate(() => libraryApi.experiments.delete.mutate({ id }));
  };
  const toggle = (id: string) =>
    setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : s.length < COMPARE_MAX ? [...s, id] : s));

  const canCompare = selected.length >= COMPARE_MIN && selected.length <= COMPARE_MAX;
  return (
    <main className={styles.main}>
      <h1 className={styles.title}>Experiment library</h1>
      <FilterBar
        query={query}
        onQuery={setQuery}
        filters={search.filters}
        onFilters={(filters) => setSearch((s) => ({ ...s, filters, limit: PAGE_SIZE }))}
        facets={facets}
      />
      {notice && (
        <p className={styles.notice} role="status" data-testid="library-notice">
          {notice}
        </p>
      )}
      {error && (
        <p className={styles.error} role="alert">
          {error}
        </p>
      )}

      <section className={styles.section} aria-labelledby="runs-title">
        <div className={styles.toolbar}>
          <h2 id="runs-title" className={styles.sectionTitle}>
            Runs {results && <span className={styles.muted}>({results.runs.total})</span>}
          </h2>
          <a
            className={`${ui.button} ${ui.primary} ${styles.linkButton}`}
            href={canCompare ? `/compare?ids=${selected.map(encodeURIComponent).join(',')}` : undefined}
            aria-disabled={!canCompare}
            style={canCompare ? undefined : { opacity: 0.5, pointerEvents: 'none' }}
            data-testid="compare-selected"
          >
            Compare {selected.length > 0 ? `(${selected.length})` : ''}
          </a>
          <span className={styles.muted}>
            pick {COMPARE_MIN}–{COMPARE_MAX} runs to compare
          </span>
        </div>
        {results && <RunsTable runs={results.runs.items} selected={selected} onToggle={toggle} onDelete={deleteRun} />}
        {results && results.runs.total > results.runs.items.length && (
          <button type="button" className={ui.button} onClick={() => setSearch((s) => ({ ...s, limit: s.limit + PAGE_SIZE }))}>
            Show more runs
          </button>
        )}
      </section>

      <section className={styles.section} aria-labelledby="experiments-title">
        <h2 id="experiments-title" className={styles.sectionTitle}>
          Experiments {results && <span className={styles.muted}>({results.experiments.total})</span>}
        </h2>
        <ImportConfig />
        {results && <ExperimentsTable experiments={results.experiments.items} onDelete={deleteExperiment} />}
      </section>
    </main>
  );
}
