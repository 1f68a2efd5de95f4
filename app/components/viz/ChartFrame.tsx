'use client';
import { useEffect, useId, useState, type ReactNode } from 'react';
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

/**
 * Whether the plot is hidden: at once when the chart empties, one frame after it has data again. The first real data
 * then lands in a hidden plot, and showing the plot (style and paint of the whole chart) is a main-thread task of its
 * own rather than part of that update.
 */
function usePlotHidden(empty: boolean): boolean {
  const [revealed, setRevealed] = useState(!empty);
  if (empty && revealed) setRevealed(false);
  useEffect(() => {
    if (empty || revealed) return;
    const frame = requestAnimationFrame(() => setRevealed(true));
    return () => cancelAnimationFrame(frame);
  }, [empty, revealed]);
  return empty || !revealed;
}

/** Common chart chrome: an accessible titled figure, a units line, and an empty state of the chart's final height. */
export function ChartFrame({ title, units, aside, empty, emptyText, height, children, dataAttributes }: ChartFrameProps) {
  const id = useId();
  const hidden = usePlotHidden(empty);
  return (
    <figure aria-labelledby={id} style={{ margin: 0, minWidth: 0, color: THEME.fg }} {...dataAttributes}>
      <figcaption style={{ display: 'flex', alignItems: 'baseline', gap: 8, flexWrap: 'wrap', marginBottom: 4 }}>
        <h3 id={id} style={{ margin: 0, fontSize: 14, fontWeight: 600 }}>
          {title}
        </h3>
        {units && <span style={{ fontSize: 12, color: THEME.muted }}>{units}</span>}
        {aside && <span style={{ marginLeft: 'auto', fontSize: 12, color: THEME.muted }}>{aside}</span>}
      </figcaption>
      {/* The chart stays mounted (hidden) while empty, plotting a preview (previewRounds.ts): mounting recharts'
          elements is the costly part, so it happens before a run, and a run only updates them. */}
      <div style={{ position: 'relative' }}>
        <div style={hidden ? { visibility: 'hidden', height, overflow: 'hidden' } : undefined} aria-hidden={hidden || undefined}>
          {children}
        </div>
        {hidden && (
          <div style={{ position: 'absolute', inset: 0 }}>
            <EmptyState text={emptyText} height={height} />
          </div>
        )}
      </div>
    </figure>
  );
}
