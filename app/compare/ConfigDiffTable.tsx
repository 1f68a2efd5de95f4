'use client';
import { useState } from 'react';
import type { ConfigDiffRow } from '../../shared/library/configDiff';
import styles from '../library/_components/library.module.css';

/** The runs' configs side by side: the fields that differ, or every field. */
export function ConfigDiffTable({ rows, runNames, colors }: { rows: ConfigDiffRow[]; runNames: string[]; colors: string[] }) {
  const [all, setAll] = useState(false);
  const differing = rows.filter((r) => !r.same);
  const shown = all ? rows : differing;
  return (
    <section className={styles.section} aria-labelledby="diff-title">
      <div className={styles.toolbar}>
        <h2 id="diff-title" className={styles.sectionTitle}>
          Config differences <span className={styles.muted}>({differing.length} of {rows.length} fields differ)</span>
        </h2>
        <label>
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> show all fields
        </label>
      </div>
      {shown.length === 0 ? (
        <p className={styles.muted}>Same config: the runs differ only by chance or environment.</p>
      ) : (
        <table className={styles.table} data-testid="config-diff">
          <thead>
            <tr>
              <th>Field</th>
              {runNames.map((name, i) => (
                <th key={i}>
                  <span className={styles.swatch} style={{ background: colors[i] }} aria-hidden="true" />
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.path} data-path={row.path} data-same={row.same}>
                <td>
                  <code>{row.path}</code>
                </td>
                {row.values.map((v, i) => (
                  <td key={i} style={row.same ? undefined : { fontWeight: 600 }}>
                    <code>{v ?? 'unset'}</code>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
