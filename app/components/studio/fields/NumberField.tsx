'use client';
import { useId, useMemo, useState } from 'react';
import { sliderScale } from '../../../lib/sliderScale';
import styles from './fields.module.css';

export interface NumberFieldProps {
  path: string;
  label: string;
  help: string;
  value: number;
  min: number;
  max: number;
  integer: boolean;
  log?: boolean;
  step?: number;
  noSlider?: boolean;
  error?: string;
  onCommit: (value: number) => void;
  onInvalid: (message: string | null) => void;
}

/**
 * A slider plus a number box, both limited to the schema's range. The slider commits as it moves; the box keeps what
 * is typed as a draft and commits it on Enter or blur, never per keystroke (after a run, a commit asks to reset the
 * run: typing "30" must not ask after the "3"). Escape drops the draft and shows the committed value again.
 */
export function NumberField(props: NumberFieldProps) {
  const { path, label, help, value, min, max, integer, log, step, noSlider, error, onCommit, onInvalid } = props;
  const id = useId();
  const scale = useMemo(() => sliderScale({ min, max, integer, log, step }), [min, max, integer, log, step]);
  const [draft, setDraft] = useState<string | null>(null);

  const parse = (text: string): number | string => {
    const v = Number(text.trim());
    if (text.trim() === '' || !Number.isFinite(v)) return 'enter a number';
    if (integer && !Number.isInteger(v)) return 'must be a whole number';
    if (v < min || v > max) return `must be between ${min} and ${max}`;
    return v;
  };

  const commitDraft = () => {
    if (draft === null) return;
    const parsed = parse(draft);
    setDraft(null);
    if (typeof parsed === 'string') onInvalid(`${parsed} (got ${JSON.stringify(draft)})`);
    else if (parsed !== value) onCommit(parsed);
  };

  return (
    <div className={styles.field} title={help} data-testid={`field-${path}`}>
      <label className={styles.label} htmlFor={`${id}-box`}>
        {label}
      </label>
      <input
        id={`${id}-box`}
        className={`${styles.number} ${styles.value} ${error ? styles.invalid : ''}`}
        type="number"
        inputMode="decimal"
        min={min}
        max={max}
        step={integer ? 1 : 'any'}
        value={draft ?? String(value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-help${error ? ` ${id}-err` : ''}`}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commitDraft}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            // The commit may open the reset dialog, which focuses its "Keep the run": this Enter must not press it.
            e.preventDefault();
            commitDraft();
          }
          if (e.key === 'Escape') setDraft(null);
        }}
      />
      {!noSlider && (
        <input
          className={styles.slider}
          type="range"
          aria-label={label}
          aria-valuetext={String(value)}
          aria-describedby={`${id}-help`}
          min={scale.min}
          max={scale.max}
          step={scale.step}
          value={scale.toPosition(value)}
          onChange={(e) => {
            setDraft(null);
            const next = scale.moveTo(Number(e.target.value), value);
            if (next !== value) onCommit(next);
          }}
        />
      )}
      <span id={`${id}-help`} className="visually-hidden">
        {help} Range {min} to {max}.
      </span>
      {error && (
        <span id={`${id}-err`} className={styles.error} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
