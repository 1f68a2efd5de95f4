'use client';
import { THEME } from './theme';

export interface SegmentedControlProps<T extends string> {
  /** Accessible name of the group, e.g. "View". */
  label: string;
  options: readonly { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
}

/** A small group of toggle buttons (aria-pressed) for choosing one of a few values. */
export function SegmentedControl<T extends string>({ label, options, value, onChange }: SegmentedControlProps<T>) {
  return (
    <div role="group" aria-label={label} style={{ display: 'inline-flex', border: `1px solid ${THEME.border}`, borderRadius: 6, overflow: 'hidden' }}>
      {options.map((o) => {
        const on = o.value === value;
        return (
          <button
            key={o.value}
            type="button"
            aria-pressed={on}
            onClick={() => onChange(o.value)}
            style={{
              border: 'none',
              padding: '2px 8px',
              fontSize: 12,
              cursor: 'pointer',
              background: on ? THEME.accent : 'transparent',
              color: on ? THEME.bg : THEME.fg,
            }}
          >
            {o.label}
          </button>
        );
      })}
    </div>
  );
}
