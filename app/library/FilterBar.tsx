'use client';
import { KEY_PARAMS, type KeyParams } from '../../shared/library/keyParams';
import ui from '../components/studio/ui.module.css';
import styles from './_components/library.module.css';

export type Filters = Partial<Record<keyof KeyParams, string>>;

const LABELS: Record<keyof KeyParams, string> = {
  dataset: 'Dataset',
  partition: 'Partition',
  strategy: 'Strategy',
  aggregator: 'Aggregator',
  attack: 'Attack',
  dp: 'DP',
};

interface Props {
  query: string;
  onQuery: (query: string) => void;
  filters: Filters;
  onFilters: (filters: Filters) => void;
  /** Values present in the library per key parameter. */
  facets: Record<keyof KeyParams, string[]> | null;
}

/** Free-text search plus one menu per key parameter (only values that occur in the library). */
export function FilterBar({ query, onQuery, filters, onFilters, facets }: Props) {
  return (
    <div className={styles.toolbar} role="search">
      <input
        type="search"
        className={styles.search}
        placeholder="Search names, notes and parameters…"
        aria-label="Search the library"
        value={query}
        maxLength={200}
        onChange={(e) => onQuery(e.target.value)}
        data-testid="library-search"
      />
      {KEY_PARAMS.map((key) => (
        <select
          key={key}
          className={ui.select}
          aria-label={`Filter by ${LABELS[key].toLowerCase()}`}
          value={filters[key] ?? ''}
          onChange={(e) => onFilters({ ...filters, [key]: e.target.value || undefined })}
          data-testid={`filter-${key}`}
        >
          <option value="">{LABELS[key]}: any</option>
          {(facets?.[key] ?? []).map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      ))}
    </div>
  );
}
