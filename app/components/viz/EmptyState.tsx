'use client';
import { THEME } from './theme';

export interface EmptyStateProps {
  text: string;
  height: number;
  width?: number | string;
  /** Announce to screen readers (for errors rather than "no data yet"). */
  alert?: boolean;
}

/** The dashed placeholder box every viz shows before it has data, at the size the real content will take. */
export function EmptyState({ text, height, width = '100%', alert = false }: EmptyStateProps) {
  return (
    <div
      role={alert ? 'alert' : undefined}
      style={{
        width,
        height,
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        textAlign: 'center',
        padding: 12,
        boxSizing: 'border-box',
        fontSize: 13,
        color: THEME.muted,
        border: `1px dashed ${THEME.border}`,
        borderRadius: 6,
      }}
    >
      {text}
    </div>
  );
}
