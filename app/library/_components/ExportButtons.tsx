'use client';
import { useState } from 'react';
import { apiErrorMessage, libraryApi } from '../../lib/trpc';
import ui from '../../components/studio/ui.module.css';
import styles from './library.module.css';

function download(filename: string, contentType: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: contentType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  URL.revokeObjectURL(url);
}

/** Downloads the run as CSV (one row per round) or as the metrics JSON of `fedstudio run --out`. */
export function ExportButtons({ runId }: { runId: string }) {
  const [error, setError] = useState<string | null>(null);
  const exportAs = async (format: 'csv' | 'json') => {
    setError(null);
    try {
      const file = await libraryApi.runs.export.query({ id: runId, format });
      download(file.filename, file.contentType, file.content);
    } catch (e) {
      setError(apiErrorMessage(e));
    }
  };
  return (
    <span className={ui.inline}>
      <button type="button" className={ui.button} onClick={() => void exportAs('csv')} data-testid="export-csv">
        Export CSV
      </button>
      <button type="button" className={ui.button} onClick={() => void exportAs('json')} data-testid="export-json">
        Export JSON
      </button>
      {error && (
        <span role="alert" className={styles.danger}>
          {error}
        </span>
      )}
    </span>
  );
}
