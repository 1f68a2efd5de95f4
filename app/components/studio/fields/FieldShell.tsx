'use client';
import { useId, type ReactNode } from 'react';
import styles from './fields.module.css';

export interface FieldShellProps {
  path: string;
  label: string;
  help: string;
  error?: string;
  /** The label spans the whole row (wide controls such as text boxes). */
  fullLabel?: boolean;
  /** The control, given the id its label points at; it should set `aria-describedby={`${id}-help`}`. */
  children: (id: string) => ReactNode;
}

/** The frame every single-control settings field shares: label, control, screen-reader help, error message. */
export function FieldShell({ path, label, help, error, fullLabel, children }: FieldShellProps) {
  const id = useId();
  return (
    <div className={styles.field} title={help} data-testid={`field-${path}`}>
      <label className={fullLabel ? `${styles.label} ${styles.full}` : styles.label} htmlFor={id}>
        {label}
      </label>
      {children(id)}
      <span id={`${id}-help`} className="visually-hidden">
        {help}
      </span>
      {error && (
        <span className={styles.error} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
