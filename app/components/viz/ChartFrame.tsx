'use client';
import { useId, type ReactNode } from 'react';
import { EmptyState } from './EmptyState';
import { THEME } from './theme';

export interface ChartFrameProps {
  title: string;
  /** Shown after the title, e.g. "accuracy in %, loss per example". */
  units?: string;
  /** Extra text on the right of the header (e.g. a latest value). */
  aside?: ReactNode;
  /** When true the children are not rendered and `emptyText` is shown in a box of `height`. */
  empty: boolean;
  emptyText: string;
  height: number;
  children?: ReactNode;
  /** data-* attributes and data-testid for tests, put on the outer element. */
  dataAttributes?: Record<`data-${string}`, string | number | undefined>;
}

/** Common chart chrome: an accessible titled figure, a units line, and an empty state of the chart's final height. */
export function ChartFrame({ title, units, aside, empty, emptyText, height, children, dataAttributes }: ChartFrameProps) {
  const id = useId();
  return (
    <figure aria-labelledby={id} style={{ margin: 0, minWidth: 0, color: THEME.fg }} {...dataAttributes}>
      <figcaption style={{ display: 'flex', alignItems: 'baseline', gap: 8, flexWrap: 'wrap', marginBottom: 4 }}>
        <h3 id={id} style={{ margin: 0, fontSize: 14, fontWeight: 600 }}>
          {title}
        </h3>
        {units && <span style={{ fontSize: 12, color: THEME.muted }}>{units}</span>}
        {aside && <span style={{ marginLeft: 'auto', fontSize: 12, color: THEME.muted }}>{aside}</span>}
      </figcaption>
      {/* The chart stays mounted (hidden) while empty: mounting recharts is the costly part, so it happens before a
          run, and a run only updates it. */}
      <div style={{ position: 'relative' }}>
        <div style={empty ? { visibility: 'hidden', height, overflow: 'hidden' } : undefined} aria-hidden={empty || undefined}>
          {children}
        </div>
        {empty && (
          <div style={{ position: 'absolute', inset: 0 }}>
            <EmptyState text={emptyText} height={height} />
          </div>
        )}
      </div>
    </figure>
  );
}
