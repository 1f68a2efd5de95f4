'use client';
import { useId } from 'react';
import styles from './fields.module.css';

export interface ToggleFieldProps {
  path: string;
  label: string;
  help: string;
  value: boolean;
  onCommit: (value: boolean) => void;
}

export function ToggleField({ path, label, help, value, onCommit }: ToggleFieldProps) {
  const id = useId();
  return (
    <div className={styles.field} title={help} data-testid={`field-${path}`}>
      <label className={styles.label} htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className={`${styles.switch} ${styles.value}`}
        type="checkbox"
        role="switch"
        checked={value}
        aria-describedby={`${id}-help`}
        onChange={(e) => onCommit(e.target.checked)}
      />
      <span id={`${id}-help`} className="visually-hidden">
        {help}
      </span>
    </div>
  );
}
