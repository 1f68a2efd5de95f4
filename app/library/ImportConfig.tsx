'use client';
import { useRef, useState } from 'react';
import { TRPCClientError } from '@trpc/client';
import { LibraryError } from '../../shared/library/errors';
import { parseConfigText } from '../../shared/library/importConfig';
import { apiErrorMessage, libraryApi } from '../lib/trpc';
import ui from '../components/studio/ui.module.css';
import styles from './_components/library.module.css';

type Issues = { path: string; message: string }[];

/** Uploads a config JSON; the server validates it and adds it as an experiment, which then opens in the studio. */
export function ImportConfig() {
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<{ message: string; issues: Issues | null } | null>(null);

  const importFile = async (file: File) => {
    setError(null);
    const json = await file.text();
    try {
      // The server's own check, run here first: instant feedback, and no failed request for a bad file.
      parseConfigText(json);
      const experiment = await libraryApi.experiments.importConfig.mutate({ json });
      location.assign(`/e/${experiment.id}`);
    } catch (e) {
      const issues =
        e instanceof LibraryError
          ? (e.issues ?? null)
          : e instanceof TRPCClientError
            ? ((e.data as { issues?: Issues | null } | undefined)?.issues ?? null)
            : null;
      setError({ message: issues ? `${file.name} is not a valid experiment config:` : `${file.name}: ${apiErrorMessage(e)}`, issues });
    }
  };

  return (
    <div className={styles.section}>
      <span className={ui.inline}>
        <button type="button" className={ui.button} onClick={() => input.current?.click()}>
          Import config JSON…
        </button>
        <input
          ref={input}
          type="file"
          accept="application/json,.json"
          className="visually-hidden"
          aria-label="Config JSON file to import"
          data-testid="import-config"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </span>
      {error && (
        <div className={styles.error} role="alert" data-testid="import-error">
          {error.message}
          {error.issues && (
            <ul>
              {error.issues.map((i) => (
                <li key={`${i.path}:${i.message}`}>
                  <code>{i.path || '(config)'}</code>: {i.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
