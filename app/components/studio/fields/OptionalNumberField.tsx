'use client';
import { NumberField, type NumberFieldProps } from './NumberField';
import styles from './fields.module.css';

type OptionalNumberFieldProps = Omit<NumberFieldProps, 'value' | 'onCommit'> & {
  value: number | undefined;
  /** The value shown while the field is unset, and the starting value when the user sets it. */
  defaultValue: number;
  /** How the checkbox names the default: its value, or its formula when that depends on the round (e.g. "n − f"). */
  defaultLabel: string;
  onCommit: (value: number | undefined) => void;
};

/** A number that may be left unset, e.g. the server learning rate (unset = the strategy's Flower default). */
export function OptionalNumberField({ value, defaultValue, defaultLabel, onCommit, ...rest }: OptionalNumberFieldProps) {
  return (
    <div>
      <NumberField {...rest} value={value ?? defaultValue} onCommit={onCommit} />
      <label className={styles.check}>
        <input
          type="checkbox"
          checked={value === undefined}
          onChange={(e) => onCommit(e.target.checked ? undefined : defaultValue)}
        />
        {`Use the default (${defaultLabel})`}
      </label>
    </div>
  );
}
