'use client';
import { FieldShell } from './FieldShell';
import styles from './fields.module.css';

export interface ChoiceFieldProps {
  path: string;
  label: string;
  help: string;
  value: string;
  options: readonly string[];
  /** Display names by value (the raw value when missing). */
  names?: Record<string, string>;
  /** A line of help per option, shown as its tooltip. */
  hints?: Record<string, string>;
  /** Why an option is unavailable now (undefined = available). */
  disabledReason?: (value: string) => string | undefined;
  error?: string;
  onCommit: (value: string) => void;
}

export function ChoiceField({ path, label, help, value, options, names, hints, disabledReason, error, onCommit }: ChoiceFieldProps) {
  return (
    <FieldShell path={path} label={label} help={help} error={error}>
      {(id) => (
        <select
          id={id}
          className={`${styles.select} ${styles.value}`}
          value={value}
          aria-describedby={`${id}-help`}
          onChange={(e) => onCommit(e.target.value)}
        >
          {options.map((option) => {
            const reason = disabledReason?.(option);
            return (
              <option key={option} value={option} disabled={reason !== undefined} title={reason ?? hints?.[option]}>
                {names?.[option] ?? option}
                {reason ? ` — ${reason}` : ''}
              </option>
            );
          })}
        </select>
      )}
    </FieldShell>
  );
}
