'use client';
import { FieldShell } from './FieldShell';
import styles from './fields.module.css';

export interface ToggleFieldProps {
  path: string;
  label: string;
  help: string;
  value: boolean;
  onCommit: (value: boolean) => void;
}

export function ToggleField({ path, label, help, value, onCommit }: ToggleFieldProps) {
  return (
    <FieldShell path={path} label={label} help={help}>
      {(id) => (
        <input
          id={id}
          className={`${styles.switch} ${styles.value}`}
          type="checkbox"
          role="switch"
          checked={value}
          aria-describedby={`${id}-help`}
          onChange={(e) => onCommit(e.target.checked)}
        />
      )}
    </FieldShell>
  );
}
