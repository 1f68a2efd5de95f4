'use client';
import { NumberField, type NumberFieldProps } from './NumberField';
import styles from './fields.module.css';

type OptionalNumberFieldProps = Omit<NumberFieldProps, 'value' | 'onCommit'> & {
  value: number | undefined;
  /** What applies while the field is unset (shown, and the starting value when the user sets it). */
  defaultValue: number;
  onCommit: (value: number | undefined) => void;
};

/** A number that may be left unset, e.g. the server learning rate (unset = the strategy's Flower default). */
export function OptionalNumberField({ value, defaultValue, onCommit, ...rest }: OptionalNumberFieldProps) {
  return (
    <div>
      <NumberField {...rest} value={value ?? defaultValue} onCommit={onCommit} />
      <label className={styles.check}>
        <input
          type="checkbox"
          checked={value === undefined}
          onChange={(e) => onCommit(e.target.checked ? undefined : defaultValue)}
        />
        Use the default ({defaultValue})
      </label>
    </div>
  );
}
