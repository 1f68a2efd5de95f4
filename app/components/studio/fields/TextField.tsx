'use client';
import { useState } from 'react';
import { FieldShell } from './FieldShell';
import styles from './fields.module.css';

export interface TextFieldProps {
  path: string;
  label: string;
  help: string;
  value: string;
  /** Turns the text into the field's value, or returns an error message. */
  parse: (text: string) => { value: unknown } | { error: string };
  placeholder?: string;
  error?: string;
  onCommit: (value: unknown) => void;
  onInvalid: (message: string | null) => void;
}

/** Free text committed on Enter or blur (names, lists of layer sizes). */
export function TextField({ path, label, help, value, parse, placeholder, error, onCommit, onInvalid }: TextFieldProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    const parsed = parse(draft);
    setDraft(null);
    if ('error' in parsed) onInvalid(parsed.error);
    else onCommit(parsed.value);
  };
  return (
    <FieldShell path={path} label={label} help={help} error={error} fullLabel>
      {(id) => (
        <input
          id={id}
          className={`${styles.text} ${styles.full} ${error ? styles.invalid : ''}`}
          type="text"
          value={draft ?? value}
          placeholder={placeholder}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-help`}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              // The commit may open the reset dialog, which focuses its "Keep the run": this Enter must not press it.
              e.preventDefault();
              commit();
            }
            if (e.key === 'Escape') setDraft(null);
          }}
        />
      )}
    </FieldShell>
  );
}
